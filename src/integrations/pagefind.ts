import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { bundleOfHtml, orderBundles, UNDATED_BUNDLE } from '../site/search-bundles.ts';

/** Options of the Pagefind integration. */
export interface PagefindOptions {
  /** The folder of the bundles inside the built site (default `pagefind`): one bundle per year in `<bundle>/<year>/`. */
  bundle?: string;
}

/** Fails with Pagefind's own reasons when a response reports errors. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind could not ${step}: ${response.errors.join('; ')}. Fix the cause above and build again.`);
  }
}

/**
 * The HTML files of the site (paths relative to it) that mark content to index
 * (`data-pagefind-body`), grouped by the bundle they name (`data-search-bundle`, else the
 * undated bundle), and how many files were read. The bundles' folder and hidden folders (where
 * pages are staged) are skipped.
 */
function pagesByBundle(site: string, skip: string): { read: number; bundles: Map<string, string[]> } {
  const bundles = new Map<string, string[]>();
  let read = 0;
  const files = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter(
      (relative) => relative.endsWith('.html') && !relative.startsWith(`${skip}${sep}`) && !relative.startsWith('.'),
    )
    .sort();
  for (const relative of files) {
    const html = readFileSync(join(site, relative), 'utf8');
    read += 1;
    if (!html.includes('data-pagefind-body')) continue;
    const bundle = bundleOfHtml(html) ?? UNDATED_BUNDLE;
    const pages = bundles.get(bundle) ?? [];
    pages.push(relative);
    bundles.set(bundle, pages);
  }
  return { read, bundles };
}

/** Puts `pages` (relative to `site`) at the same paths under `stage`, as hard links where the file system allows. */
function stagePages(site: string, pages: readonly string[], stage: string): void {
  for (const relative of pages) {
    const target = join(stage, relative);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(site, relative), target);
    } catch {
      copyFileSync(join(site, relative), target);
    }
  }
}

/**
 * Indexes one bundle's pages in a fresh Pagefind service and writes the bundle to `outputPath`.
 * The pages are staged in a folder of their own so that Pagefind reads them itself, in parallel,
 * with the URLs they have in the site.
 */
async function indexBundle(site: string, pages: readonly string[], stage: string, outputPath: string): Promise<void> {
  try {
    stagePages(site, pages, stage);
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    check('start an index', created);
    const { index } = created;
    if (!index) throw new Error('Pagefind started no index and reported no error; run the build again.');
    const added = await index.addDirectory({ path: stage });
    check(`index the pages in ${stage}`, added);
    if (added.page_count !== pages.length) {
      throw new Error(
        `Pagefind indexed ${added.page_count} of the ${pages.length} pages staged in ${stage}; build again.`,
      );
    }
    check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
  } finally {
    // Closing ends Pagefind's service process, so the next bundle starts with its memory freed.
    await pagefind.close();
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Builds the Pagefind full-text index over the built site after `astro build`, through
 * Pagefind's Node API: one bundle per year of the archive (`<bundle>/<year>/`, merged again in
 * the browser), each in its own Pagefind process so that memory is bounded by the largest year.
 * Any error reported by Pagefind fails the build with its reason.
 */
export function pagefindIndex({ bundle = 'pagefind' }: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'xinhua-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputRoot = fileURLToPath(new URL(`${bundle}/`, dir));
        const { read, bundles } = pagesByBundle(site, bundle);
        if (bundles.size === 0) {
          throw new Error(
            `Pagefind found no pages to index in ${site} (no HTML file marks data-pagefind-body); check that the build wrote the article pages.`,
          );
        }
        let indexed = 0;
        for (const name of orderBundles(bundles.keys())) {
          const pages = bundles.get(name) ?? [];
          await indexBundle(site, pages, join(site, `.${bundle}-${name}`), join(outputRoot, name));
          indexed += pages.length;
          logger.info(`Bundle ${name}: ${pages.length} pages`);
        }
        logger.info(
          `Pagefind read ${read} HTML files, indexed ${indexed} pages in ${bundles.size} bundles and wrote its index to ${outputRoot}`,
        );
      },
    },
  };
}
