import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import {
  formatDiagnostic,
  isSeedFileName,
  listSeedFiles,
  mergeResults,
  readSeedFile,
  type Diagnostic,
  type ParseResult,
} from '../lib/index.ts';
import { codeDigest, keepOnly, readCacheRecord } from '../integrations/cache-record.ts';
import type { ParseJob } from './parse-job.ts';
import { parseInThreads } from './parse-pool.ts';

/** Options of the seed loader. */
export interface SeedLoaderOptions {
  /** The folder of seeds, relative to the project root. */
  dir: string;
  /** When true, any error diagnostic fails the build. */
  strict?: boolean;
}

/**
 * The SHA-256 of the code that turns seeds into records: the parser's sources (`src/lib`) and
 * the lock file (remark's version). A cached parse counts only for the same code, so a parser
 * change parses every seed again instead of serving records of the old shape.
 */
function parserDigest(root: string): string {
  return codeDigest(root, [join('src', 'lib')]);
}

/**
 * A content loader that parses every seed in `dir` into article records. Seeds whose bytes
 * have not changed reuse their cached parse; records of removed seeds are deleted;
 * diagnostics go to Astro's logger as `file:line`. Under `astro dev` it watches the folder
 * and syncs again when a seed is added, changed or removed. A missing folder is a
 * configuration error.
 */
export function seedLoader({ dir, strict = false }: SeedLoaderOptions): Loader {
  return {
    name: 'xinhua-seed-loader',
    load: async (context) => {
      const folder = resolve(fileURLToPath(context.config.root), dir);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        throw new AstroError(
          `The seeds folder "${folder}" does not exist.`,
          'Create it and put the seed files (one printed page per .txt file) in it, or set SEEDS_DIR to the folder of seed files.',
        );
      }
      await syncSeeds(context, folder, strict);

      const { watcher, logger } = context;
      if (!watcher) return;
      watcher.add(folder);
      // One sync at a time: an editor's save can fire several events in a row.
      let queue = Promise.resolve();
      const onEvent = (path: string): void => {
        if (!path.startsWith(folder + sep) || !isSeedFileName(path)) return;
        queue = queue
          .then(() => syncUntilSettled(context, folder))
          .then(() => {
            logger.info(`Reloaded seeds after a change to ${relative(folder, path)}`);
          })
          .catch((error: unknown) => {
            logger.error(`Could not reload the seeds: ${String(error)}`);
          });
      };
      watcher.on('add', onEvent);
      watcher.on('change', onEvent);
      watcher.on('unlink', onEvent);
    },
  };
}

/**
 * The folder of kept parses inside Astro's cache folder: one JSON file a seed, named by the
 * digest of the parser's code, the seed's path and its bytes. They stay out of Astro's content
 * store on purpose: Astro bundles the whole store into every build, and a second copy of every
 * record there made that bundling, and every build, grow with the archive.
 */
const PARSES = 'seed-parses';

/** Most syncs in a row while seeds keep changing under the reader. */
const SETTLE_ROUNDS = 5;

/**
 * Syncs after a watcher event, and again while the seeds changed during the sync (at most
 * `SETTLE_ROUNDS` times). A save that truncates the file and then writes it can fire one
 * event for both (the watcher throttles a file's events); a sync that read the empty file in
 * between would otherwise keep the empty page until the next save. The seeds' states are taken
 * before the sync reads them, so a write that lands after a read always shows.
 */
async function syncUntilSettled(context: LoaderContext, folder: string): Promise<void> {
  let before = seedStates(folder);
  for (let round = 0; round < SETTLE_ROUNDS; round += 1) {
    await syncSeeds(context, folder, false);
    const after = seedStates(folder);
    if (after === before) return;
    before = after;
  }
}

/** Every seed of `folder` with its size and modification time: what tells that a seed may have changed. */
function seedStates(folder: string): string {
  return listSeedFiles([folder])
    .files.map((path) => {
      try {
        const { size, mtimeMs } = statSync(path);
        return `${path}\0${String(size)}\0${String(mtimeMs)}`;
      } catch {
        return `${path}\0missing`;
      }
    })
    .join('\n');
}

/**
 * Brings the store up to the seeds in `folder`: parses the seeds whose bytes changed, keeps
 * the others' cached records, deletes the records of removed seeds and reports diagnostics.
 */
async function syncSeeds(context: LoaderContext, folder: string, strict: boolean): Promise<void> {
  const { store, meta, logger, config } = context;
  const root = fileURLToPath(config.root);
  const parses = join(fileURLToPath(config.cacheDir), PARSES);
  const code = parserDigest(root);
  const listed = listSeedFiles([folder]);
  const diagnostics: Diagnostic[] = [...listed.diagnostics];
  // Each seed's kept parse, or the place of a seed still to parse; then those parsed at once.
  const results: (ParseResult | number)[] = [];
  const jobs: ParseJob[] = [];
  const names = new Set<string>();
  for (const path of listed.files) {
    const file = relative(root, path);
    const read = readSeedFile(path);
    if (!('content' in read)) {
      diagnostics.push({ ...read, file });
      continue;
    }
    const name = `${createHash('sha256').update(code).update('\0').update(file).update('\0').update(read.content).digest('hex')}.json`;
    names.add(name);
    const cached = readCacheRecord<ParseResult | undefined>(join(parses, name), undefined);
    if (cached) {
      results.push(cached);
      continue;
    }
    results.push(jobs.length);
    jobs.push({ file, content: read.content, keepIn: join(parses, name) });
  }
  const parsed = await parseInThreads(jobs);
  keepOnly(parses, names);
  // Stores written before the parses moved to their own folder kept them in the meta store.
  const oldKeys = meta.get('seed-keys');
  if (oldKeys !== undefined) {
    for (const key of JSON.parse(oldKeys) as string[]) meta.delete(key);
    meta.delete('seed-keys');
  }
  const merged = mergeResults(
    results.flatMap((result) => (typeof result === 'number' ? parsed.slice(result, result + 1) : [result])),
  );
  diagnostics.push(...merged.diagnostics);

  const keep = new Set<string>();
  for (const record of merged.articles) {
    keep.add(record.id);
    // The record as parsed and the parser's code: an entry stored with this digest holds this
    // record validated by this schema, so it is neither validated nor stored again.
    const digest = context.generateDigest({ code, record });
    if (store.get(record.id)?.digest === digest) continue;
    const data = await context.parseData({ id: record.id, data: { ...record } });
    store.set({ id: record.id, data, digest });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);

  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics) {
    if (d.severity === 'error') logger.error(formatDiagnostic(d));
    else logger.warn(formatDiagnostic(d));
  }
  logger.info(
    `${merged.articles.length} items from ${listed.files.length} seeds (${jobs.length} parsed, ${listed.files.length - jobs.length} unchanged); ${errors.length} errors, ${diagnostics.length - errors.length} warnings`,
  );
  if (strict && errors.length > 0) {
    throw new AstroError(
      `${errors.length} seed error(s) with STRICT=1 (listed above).`,
      'Fix the seeds at the lines named above (npm run check lists them), or build without STRICT=1 to publish the other seeds.',
    );
  }
}
