import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import * as pagefind from 'pagefind';
import { restoreBundle, storeBundle } from './bundle-cache.ts';
import { findBundles, stagePages, type KnownPages } from './bundle-pages.ts';

/** Options of the Pagefind integration. */
export interface PagefindOptions {
  /** The folder of the bundles inside the built site (default `pagefind`): one bundle per period in `<bundle>/<period>/`. */
  bundle?: string;
}

/** The language Pagefind indexes in: Chinese segmentation for every page. */
const LANGUAGE = 'zh-cn';

/** Pagefind's ready-made search interfaces, which the site does not use (it has its own page). */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$/u;

/** Pagefind's version, which enters every bundle's digest: a new Pagefind indexes afresh. */
function pagefindVersion(): string {
  const manifest = new URL('../package.json', import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** `1 page`, `2 pages`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Fails with Pagefind's own reasons when a response reports errors. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new AstroError(
      `Pagefind could not ${step}: ${response.errors.join('; ')}.`,
      'Fix the cause Pagefind names and build again.',
    );
  }
}

/** What to do when Pagefind's service misbehaves without naming a cause. */
const RETRY_HINT =
  'Build again. If it keeps failing, reinstall the dependencies with `npm ci`: Pagefind runs a binary for this platform from an optional dependency.';

/**
 * Indexes one bundle's pages in a fresh Pagefind service and writes the bundle to `outputPath`.
 * The pages are staged in a folder of their own so that Pagefind reads them itself, in parallel,
 * with the URLs they have in the site.
 */
async function indexBundle(site: string, pages: readonly string[], stage: string, outputPath: string): Promise<void> {
  try {
    stagePages(site, pages, stage);
    const created = await pagefind.createIndex({ forceLanguage: LANGUAGE });
    check('start an index', created);
    const { index } = created;
    if (!index) throw new AstroError('Pagefind started no index and reported no error.', RETRY_HINT);
    const added = await index.addDirectory({ path: stage });
    check(`index the pages in ${stage}`, added);
    if (added.page_count !== pages.length) {
      throw new AstroError(
        `Pagefind indexed ${added.page_count} of the ${pages.length} pages staged in ${stage}.`,
        RETRY_HINT,
      );
    }
    // Pagefind adds to a folder: clear it, so no file of an older index stays beside the new one.
    rmSync(outputPath, { recursive: true, force: true });
    check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
    for (const file of readdirSync(outputPath)) {
      if (UNUSED.test(file)) rmSync(join(outputPath, file));
    }
  } finally {
    // Closing ends Pagefind's service process, so the next bundle starts with its memory freed.
    await pagefind.close();
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Builds the Pagefind full-text index over the built site after `astro build`, through
 * Pagefind's Node API: one bundle per period of the archive (`<bundle>/<period>/`: closed years
 * and the open month, see src/site/search-bundles.ts; merged again in
 * the browser), each in its own Pagefind process so that memory is bounded by the largest year.
 * A bundle whose pages are unchanged since the last build is left in place, or copied from
 * Astro's cache folder (`<cacheDir>/pagefind/`), instead. Any error reported by Pagefind fails the build with its reason.
 */
export function pagefindIndex({ bundle = 'pagefind' }: PagefindOptions = {}): AstroIntegration {
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
        let known: KnownPages = {};
        try {
          if (knownFile && existsSync(knownFile)) known = JSON.parse(readFileSync(knownFile, 'utf8')) as KnownPages;
        } catch {
          known = {};
        }
        const found = findBundles(site, bundle, `pagefind ${pagefindVersion()} ${LANGUAGE}`, known);
        const { read, bundles } = found;
        if (knownFile) {
          mkdirSync(join(knownFile, '..'), { recursive: true });
          writeFileSync(knownFile, JSON.stringify(found.known));
        }
        if (bundles.length === 0) {
          throw new AstroError(
            `Pagefind found no pages to index in ${site}: no HTML file marks data-pagefind-body.`,
            'The article pages (src/pages/articles/[id].astro) mark their text with data-pagefind-body: check that the build wrote them, i.e. that SEEDS_DIR names a folder with seed files and the loader reported items.',
          );
        }
        // A bundle of an earlier build that this one does not make (a period closed or emptied) goes.
        const names = new Set(bundles.map(({ name }) => name));
        if (existsSync(outputRoot)) {
          for (const entry of readdirSync(outputRoot)) {
            if (!names.has(entry)) rmSync(join(outputRoot, entry), { recursive: true, force: true });
          }
        }
        let indexed = 0;
        for (const { name, pages, digest } of bundles) {
          const outputPath = join(outputRoot, name);
          const restored = cacheDir ? restoreBundle(cacheDir, name, digest, outputPath) : false;
          if (restored) {
            logger.info(
              `Bundle ${name}: ${count(pages.length, 'page')}, unchanged since the last build (${restored === 'kept' ? 'kept in place' : 'from the cache'})`,
            );
          } else {
            await indexBundle(site, pages, join(site, `.${bundle}-${name}`), outputPath);
            if (cacheDir) storeBundle(cacheDir, name, digest, outputPath);
            indexed += pages.length;
            logger.info(`Bundle ${name}: ${count(pages.length, 'page')} indexed`);
          }
        }
        const total = bundles.reduce((sum, { pages }) => sum + pages.length, 0);
        logger.info(
          `Pagefind found ${read} HTML files (${found.opened} read), indexed ${count(total, 'page')} in ${count(bundles.length, 'bundle')} (${indexed} indexed now, ${total - indexed} from the cache) and wrote its index to ${outputRoot}`,
        );
      },
    },
  };
}
