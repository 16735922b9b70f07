import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { ITEMS_FILE, MAP_DIR, mapBlockPath, PHRASE_DIR } from '../search/phrase-codec.ts';
import { MAP_BLOCK } from '../search/phrase-build.ts';
import { readCacheRecord, writeCacheRecord } from './cache-record.ts';
import { readFragmentIdsOf } from './fragment-ids.ts';
import { writePeriodShards, type WrittenPacks } from './period-shards.ts';

/** Options of the phrase-index integration. */
export interface PhraseIndexOptions {
  /** The folder of the Pagefind bundles inside the built site (default `pagefind`). */
  bundle?: string;
}

/**
 * The module that tells the phrase index's routes where to keep closed periods (`periodsFolder`)
 * and whose code their key covers (`codeRoot`). Its code is two fixed strings, so it adds nothing
 * to the routes' code hash; `astro:config/server` imports Astro's build manifest, which imports
 * every page, so an edit to any page's code would make Astro render every shard again.
 */
const PHRASE_CACHE_MODULE = 'virtual:xinhua/phrase-cache';

/** What an earlier build read of each bundle's fragments: the digest of their file names, and each article's id and fragment hash. */
type KnownFragments = Record<string, { names: string; located: [id: string, hash: string][] }>;

/**
 * Each indexed article's bundle and fragment hash, read from the fragments Pagefind wrote. A
 * fragment's file name is the hash of its content, so a bundle whose fragment names are those an
 * earlier build read (`known`) is not read again. Returns the map and what to record for the next build.
 */
async function readFragments(
  root: string,
  known: KnownFragments,
): Promise<{ located: Map<string, string>; found: KnownFragments }> {
  const bundles = readdirSync(root, { withFileTypes: true }).flatMap((bundle) => {
    const folder = join(root, bundle.name, 'fragment');
    if (!bundle.isDirectory() || !existsSync(folder)) return [];
    const files = readdirSync(folder)
      .filter((file) => file.endsWith('.pf_fragment'))
      .sort();
    const names = createHash('sha256').update(files.join('\n')).digest('hex');
    return [{ name: bundle.name, folder, files, names }];
  });
  const unread = bundles.filter(({ name, names }) => known[name]?.names !== names);
  const ids = await readFragmentIdsOf(unread);
  const read = new Map(unread.map(({ name }, i) => [name, ids[i] ?? []]));
  const located = new Map<string, string>();
  const found: KnownFragments = {};
  for (const { name, names } of bundles) {
    const entries = read.get(name) ?? known[name]?.located ?? [];
    found[name] = { names, located: entries };
    for (const [id, hash] of entries) located.set(id, `${name} ${hash}`);
  }
  return { located, found };
}

/**
 * Completes the phrase index after Pagefind has written its bundles: each period's shard files,
 * out of the period's pack (`period-shards.ts`), and the map from item number to
 * the bundle and fragment of the item's page (`/search-index/m/<block>.txt`, one line
 * `<bundle> <hash>` per item, `MAP_BLOCK` items a file), so that the browser loads the fragments
 * of the results it shows and nothing else. Must run after the Pagefind integration.
 */
export function phraseIndex({ bundle = 'pagefind' }: PhraseIndexOptions = {}): AstroIntegration {
  let knownFile = '';
  let packsFile = '';
  return {
    name: 'xinhua-phrase-index',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const resolved = `\0${PHRASE_CACHE_MODULE}`;
        const code = [
          `export const periodsFolder = ${JSON.stringify(join(fileURLToPath(config.cacheDir), 'phrase-periods'))};`,
          `export const codeRoot = ${JSON.stringify(fileURLToPath(config.root))};`,
        ].join('\n');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'xinhua-phrase-cache',
                resolveId: (id: string) => (id === PHRASE_CACHE_MODULE ? resolved : undefined),
                load: (id: string) => (id === resolved ? code : undefined),
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        knownFile = join(fileURLToPath(config.cacheDir), 'phrase-fragments.json');
        packsFile = join(fileURLToPath(config.cacheDir), 'phrase-packs.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const folder = fileURLToPath(new URL(`${PHRASE_DIR}/`, dir));
        const itemsFile = join(folder, ITEMS_FILE);
        if (!existsSync(itemsFile)) {
          throw new AstroError(
            `The phrase index has no ${itemsFile}.`,
            'The route src/pages/search-index/[...file].ts writes it: check that it is in the build and that the records loaded.',
          );
        }
        const shards = writePeriodShards(folder, readCacheRecord<WrittenPacks>(packsFile, {}));
        writeCacheRecord(packsFile, shards.packs);
        const ids = readFileSync(itemsFile, 'utf8').split('\n').filter(Boolean);
        const { located, found } = await readFragments(
          fileURLToPath(new URL(`${bundle}/`, dir)),
          readCacheRecord<KnownFragments>(knownFile, {}),
        );
        const missing = ids.filter((id) => !located.has(id));
        if (missing.length > 0) {
          throw new AstroError(
            `Pagefind indexed no page for ${missing.length} item(s) of the phrase index (first: ${missing[0] ?? ''}).`,
            'List the phrase-index integration after the Pagefind one in astro.config.ts.',
          );
        }
        // The list of ids and the packs go with the folder: the map blocks replace them.
        rmSync(join(folder, MAP_DIR), { recursive: true, force: true });
        for (let start = 0; start < ids.length; start += MAP_BLOCK) {
          const file = join(folder, mapBlockPath(start / MAP_BLOCK));
          mkdirSync(dirname(file), { recursive: true });
          const lines = ids.slice(start, start + MAP_BLOCK).map((id) => located.get(id) ?? '');
          writeFileSync(file, `${lines.join('\n')}\n`);
        }
        writeCacheRecord(knownFile, found);
        logger.info(
          `Wrote the shards of ${shards.written.length} period(s) (${shards.files} files), kept ${shards.kept.length}; mapped ${ids.length} items to their Pagefind fragments in ${Math.ceil(ids.length / MAP_BLOCK)} blocks`,
        );
      },
    },
  };
}
