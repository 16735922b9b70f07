import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { BUNDLE_ITEMS } from '../site/search-bundles.ts';
import { restoreBundle, storeBundle } from './bundle-cache.ts';
import { readCacheRecord, writeCacheRecord } from './cache-record.ts';
import { findBundles, type KnownPages } from './bundle-pages.ts';
import type { FileState } from './file-fingerprint.ts';
import { sideBySide } from './side-by-side.ts';
import { indexBundle, IndexingError, LANGUAGE, type BundleJob } from './index-bundle.ts';

/** Options of the Pagefind integration. */
export interface PagefindOptions {
  /** The folder of the bundles inside the built site (default `pagefind`): one bundle per period in `<bundle>/<period>/`. */
  bundle?: string;
  /** How one bundle is indexed; resolves with the warnings the indexer printed (default: `indexBundle`, Pagefind's command line). */
  indexer?: (job: BundleJob) => Promise<string>;
  /** The site's files as an earlier step of the build left them (see `KeptOutput.files`), so the site is not walked again. */
  surveyed?: () => readonly FileState[] | undefined;
}

/** Pagefind's version, which enters every bundle's digest: a new Pagefind indexes afresh. */
function pagefindVersion(): string {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Pagefind's highlight script, the same in every bundle, of which the bundles' folder keeps a copy at its top. */
const HIGHLIGHT_SCRIPT = 'pagefind-highlight.js';

/** The format of the record of known pages; a record of another format is not read. */
const KNOWN_FORMAT = 2;

/** The record of known pages in the cache folder. */
interface KnownRecord {
  /** `KNOWN_FORMAT` when written (format 2: the third field of a page is its month, no longer its bundle). */
  format: number;
  /** What the build learnt of each HTML file. */
  pages: KnownPages;
}

/** `1 page`, `2 pages`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Builds the Pagefind full-text index over the built site after `astro build`, through
 * Pagefind's indexer: one bundle per period of the archive (`<bundle>/<period>/`: closed years
 * or their parts, the open part's closed quarters and months, and the open month, see
 * src/site/search-bundles.ts; merged again in the browser), each by a Pagefind process of its own,
 * side by side as far as the CPUs and the page budget (`BUNDLE_ITEMS` pages in flight) allow,
 * so memory is bounded whatever the archive's size.
 * A bundle whose pages are unchanged since the last build is left in place, or put back from
 * Astro's cache folder (`<cacheDir>/pagefind/`), instead. Any error reported by Pagefind fails
 * the build with its reason.
 */
export function pagefindIndex({
  bundle = 'pagefind',
  indexer = indexBundle,
  surveyed = () => undefined,
}: PagefindOptions = {}): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'xinhua-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputRoot = fileURLToPath(new URL(`${bundle}/`, dir));
        // What the last build learnt of each page, so that a page it left untouched is not read again.
        const knownFile = cacheDir ? join(cacheDir, 'pages.json') : undefined;
        const record = readCacheRecord<Partial<KnownRecord>>(knownFile, {});
        const known = record.format === KNOWN_FORMAT && record.pages ? record.pages : {};
        const found = findBundles(site, bundle, `pagefind ${pagefindVersion()} ${LANGUAGE}`, known, surveyed());
        const { read, bundles } = found;
        if (knownFile) {
          writeCacheRecord(knownFile, { format: KNOWN_FORMAT, pages: found.known } satisfies KnownRecord);
        }
        if (bundles.length === 0) {
          throw new AstroError(
            `Pagefind found no pages to index in ${site}: no HTML file marks data-pagefind-body.`,
            'The article pages (src/pages/articles/[id].astro) mark their text with data-pagefind-body: check that the build wrote them, i.e. that SEEDS_DIR names a folder with seed files and the loader reported items.',
          );
        }
        const total = bundles.reduce((sum, { pages }) => sum + pages.length, 0);
        logger.info(`Found ${count(total, 'page')} to index in ${read} HTML files (${found.opened} read)`);
        // A bundle of an earlier build that this one does not make (a period closed or emptied) goes.
        const names = new Set([...bundles.map(({ name }) => name), HIGHLIGHT_SCRIPT]);
        if (existsSync(outputRoot)) {
          for (const entry of readdirSync(outputRoot)) {
            if (!names.has(entry)) rmSync(join(outputRoot, entry), { recursive: true, force: true });
          }
        }
        let indexed = 0;
        const stale = bundles.filter(({ name, pages, digest }) => {
          const restored = cacheDir ? restoreBundle(cacheDir, name, digest, join(outputRoot, name)) : false;
          if (restored) {
            logger.info(
              `Bundle ${name}: ${count(pages.length, 'page')}, unchanged since the last build (${restored === 'kept' ? 'kept in place' : 'from the cache'})`,
            );
          }
          return !restored;
        });
        // Bundles are indexed side by side, one process each, as long as the pages in flight stay
        // within one bundle's limit: memory is bounded by BUNDLE_ITEMS pages, whatever the archive.
        // The largest first, so that a large bundle started last does not run on alone at the end.
        const largestFirst = stale
          .map((found) => ({ ...found, weight: found.pages.length }))
          .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        // A failed bundle stops the others, and a build that ends while bundles are indexed ends
        // their indexers with it.
        const stop = new AbortController();
        const stopAll = () => {
          stop.abort();
        };
        process.once('exit', stopAll);
        try {
          await sideBySide(
            largestFirst,
            async ({ name, pages, digest }) => {
              const outputPath = join(outputRoot, name);
              let said: string;
              try {
                said = await indexer({
                  site,
                  pages,
                  outputPath,
                  signal: stop.signal,
                });
              } catch (error) {
                stop.abort();
                if (error instanceof IndexingError) throw new AstroError(error.message, error.hint);
                throw error;
              }
              if (said) logger.warn(`Bundle ${name}: ${said}`);
              if (cacheDir) storeBundle(cacheDir, name, digest, outputPath);
              indexed += pages.length;
              logger.info(`Bundle ${name}: ${count(pages.length, 'page')} indexed`);
            },
            availableParallelism(),
            BUNDLE_ITEMS,
          );
        } finally {
          process.removeListener('exit', stopAll);
        }
        // Every bundle ships the same highlight script; article pages load this copy, whose path does
        // not change when their bundle does (src/search/highlight.ts).
        const first = bundles[0];
        const script = first && join(outputRoot, first.name, HIGHLIGHT_SCRIPT);
        if (script && existsSync(script)) copyFileSync(script, join(outputRoot, HIGHLIGHT_SCRIPT));
        logger.info(
          `Pagefind found ${read} HTML files (${found.opened} read), indexed ${count(total, 'page')} in ${count(bundles.length, 'bundle')} (${indexed} indexed now, ${total - indexed} from the cache) and wrote its index to ${outputRoot}`,
        );
      },
    },
  };
}
