/**
 * Builds into the output folder the last build left instead of an emptied one, so a page that
 * Astro's incremental build reuses stays where it is (no copy) and nothing is deleted only to be
 * written again. Trust is checked, not assumed:
 *
 * - before the build, the output folder must be exactly what the last successful build of this
 *   cache folder left (same files, sizes and modification times, see `folderFingerprint`); if
 *   not (a failed build, another cache folder, a hand edit, a first build) it is emptied, and
 *   Astro restores reused pages from its cache folder instead;
 * - after the pages are written, every file this build neither wrote nor reused is deleted
 *   (pages of removed seeds, old asset names, sitemap files no longer needed), before the
 *   search index reads the pages;
 * - after the last step, the folder's fingerprint is kept in the cache folder for the next build:
 *   the files outside the managed folders as pruning left them, the claimed files as the step
 *   that owns them said it left them (`wrote`: the sitemap's), and the managed folders walked
 *   again. Should a step after pruning touch another file outside them, the next build's check
 *   sees the difference and empties the folder: the shortcut can cost a rebuild from scratch,
 *   never a stale page.
 *
 * So an incremental build writes the same folder as a clean one (the identity test pins it).
 * The folders another step keeps itself (the search bundles) are left to that step.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { archiveBytes, formatBytes, GITHUB_PAGES_BYTES } from './byte-size.ts';
import { keepOnly, readCacheRecord, writeCacheRecord } from './cache-record.ts';
import {
  fileStates,
  fingerprintOf,
  folderFingerprint,
  folderFingerprintAside,
  type FileState,
} from './file-fingerprint.ts';

/** Options of the kept output folder. */
export interface KeptOutputOptions {
  /**
   * Folders of the output (relative, `/`-separated) that the steps after pruning write and that
   * pruning leaves to them (default `pagefind`).
   */
  managed?: readonly string[];
  /**
   * Files outside the managed folders (by relative path) that one step after pruning writes and
   * removes itself, and then reports with `wrote` (default none): pruning leaves them to it.
   */
  claimed?: RegExp;
  /**
   * The size in bytes of the output as a tar archive (`archiveBytes`) past which a build warns that
   * it will not publish (default GitHub Pages' 1 GB).
   */
  publishLimit?: number;
}

/** The two halves: `prune` goes before the steps that read the pages, `seal` after the last step that writes. */
export interface KeptOutput {
  /** Checks the folder before the build and deletes what the build no longer writes after it. */
  prune: AstroIntegration;
  /** Records the folder as this build left it. */
  seal: AstroIntegration;
  /**
   * The files of the output folder outside the managed folders as pruning left them (path,
   * size, modification time) and as the steps after it said they wrote them (`wrote`), sorted by
   * path, so those steps need not walk the folder; undefined before pruning.
   */
  files: () => readonly FileState[] | undefined;
  /**
   * Records the claimed files as the step that owns them left them: exactly `paths` (relative to
   * the output folder), as they are now; any other claimed file it removed. The seal keeps them
   * with what pruning left.
   */
  wrote: (paths: readonly string[]) => void;
}

/** What the cache folder records of the output folder a build left. */
interface OutputState {
  /** The output folder. */
  outDir: string;
  /** Its fingerprint when the build ended. */
  fingerprint: string;
}

/** Compares paths as `listFiles` sorts them. */
function byPath(a: FileState, b: FileState): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Removes the folders under `dir` (not `dir` itself) that hold no file. */
function removeEmptyFolders(dir: string, top = true): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name), false);
  }
  if (!top && readdirSync(dir).length === 0) rmdirSync(dir);
}

/** What the cache folder says of the output folder the last build left, if anything. */
function readState(stateFile: string): OutputState | undefined {
  return readCacheRecord<OutputState | undefined>(stateFile, undefined);
}

/** Whether `dir` holds anything but a `.git` folder. */
function holdsFiles(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => name !== '.git');
}

/** The file system's clock now, ms: the modification time of a file written now. */
function fileClock(folder: string): number {
  mkdirSync(folder, { recursive: true });
  const probe = join(folder, `.clock-${process.pid}`);
  writeFileSync(probe, '');
  const now = statSync(probe).mtimeMs;
  rmSync(probe);
  return now;
}

/** The kept output folder (see the module's description). */
export function keptOutput({
  managed = ['pagefind'],
  claimed,
  publishLimit = GITHUB_PAGES_BYTES,
}: KeptOutputOptions = {}): KeptOutput {
  let outDir = '';
  let stateFile = '';
  let cacheDir = '';
  let startedAt = 0;
  // The files outside the managed folders, by path: as pruning left them, then as the steps after it wrote them.
  let pruned: Map<string, FileState> | undefined;
  // `pruned` sorted by path, until a step adds to it.
  let sorted: FileState[] | undefined;
  let building = false;
  // What the cache folder said of the output folder when the configuration was done.
  let state: OutputState | undefined;
  // The output folder's fingerprint, taken while Astro syncs the content (nothing writes the
  // output folder before the build starts).
  let found: Promise<string | undefined> = Promise.resolve(undefined);
  const isManaged = (file: string) => managed.some((folder) => file === folder || file.startsWith(`${folder}/`));
  const prune: AstroIntegration = {
    name: 'xinhua-kept-output',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        stateFile = join(cacheDir, 'kept-output.json');
        state = readState(stateFile);
        // Only a folder the last build says it left can be trusted: no other is walked.
        if (building && state?.outDir === outDir && holdsFiles(outDir)) {
          // Should the thread fail, the walk is made here instead.
          found = folderFingerprintAside(outDir).catch(() => folderFingerprint(outDir));
        }
      },
      'astro:build:start': async ({ logger }) => {
        pruned = undefined;
        sorted = undefined;
        const fingerprint = await found;
        found = Promise.resolve(undefined);
        // Gone before the build writes anything: a build that fails leaves no state, and the next empties the folder.
        rmSync(stateFile, { force: true });
        if (holdsFiles(outDir)) {
          if (state?.outDir === outDir && state.fingerprint === fingerprint) {
            logger.info(`Building into ${outDir} as the last build left it`);
          } else {
            // Astro keeps a `.git` folder in the output folder; so does this.
            keepOnly(outDir, new Set(['.git']));
            logger.info(`Emptied ${outDir}: it is not what the last successful build with this cache folder left`);
          }
        }
        startedAt = fileClock(cacheDir);
      },
      'astro:build:done': ({ assets, logger }) => {
        const written = new Set([...assets.values()].flatMap((urls) => urls.map((url) => fileURLToPath(url))));
        let removed = 0;
        const kept = fileStates(outDir, isManaged).filter(({ path, mtimeMs }) => {
          const file = join(outDir, path);
          if (mtimeMs >= startedAt || written.has(file) || claimed?.test(path)) return true;
          rmSync(file);
          removed += 1;
          return false;
        });
        pruned = new Map(kept.map((state) => [state.path, state]));
        sorted = kept;
        if (removed > 0) removeEmptyFolders(outDir);
        // Said even when nothing went: the line's time marks the end of the survey in the build's log.
        const surveyedCount = kept.length + removed;
        logger.info(
          `Surveyed ${surveyedCount} file${surveyedCount === 1 ? '' : 's'}; removed ${removed} this build no longer writes`,
        );
      },
    },
  };
  const seal: AstroIntegration = {
    name: 'xinhua-kept-output-seal',
    hooks: {
      'astro:build:done': ({ logger }) => {
        // Outside the managed folders, the folder as pruning left it; the managed folders as the
        // steps after pruning left them. Without a survey (pruning did not run), every file.
        const states = pruned
          ? [
              ...(sorted ?? pruned.values()),
              ...managed.flatMap((folder) =>
                fileStates(join(outDir, folder)).map((state) => ({ ...state, path: `${folder}/${state.path}` })),
              ),
            ].sort(byPath)
          : fileStates(outDir);
        writeCacheRecord(stateFile, { outDir, fingerprint: fingerprintOf(states) } satisfies OutputState);
        const bytes = states.reduce((sum, { size }) => sum + size, 0);
        const archive = archiveBytes(states);
        const summary = `${outDir}: ${states.length} files, ${formatBytes(bytes)}; ${formatBytes(archive)} as the tar archive GitHub Pages takes`;
        if (archive > publishLimit) {
          logger.warn(
            `${summary}: over the ${formatBytes(publishLimit)} that GitHub Pages publishes. Publish it to a host without that limit; docs/scale.md says what takes the bytes.`,
          );
        } else logger.info(summary);
      },
    },
  };
  return {
    prune,
    seal,
    files: () => (pruned ? (sorted ??= [...pruned.values()].sort(byPath)) : undefined),
    wrote: (paths) => {
      if (!pruned) throw new Error('A step recorded files it wrote before the output folder was pruned.');
      const unclaimed = paths.filter((path) => !claimed?.test(path) || isManaged(path));
      if (unclaimed.length > 0) throw new Error(`A step reported files it does not own: ${unclaimed.join(', ')}.`);
      for (const path of pruned.keys()) if (claimed?.test(path)) pruned.delete(path);
      for (const path of paths) {
        const { size, mtimeMs } = statSync(join(outDir, path));
        pruned.set(path, { path, size, mtimeMs });
      }
      sorted = undefined;
    },
  };
}
