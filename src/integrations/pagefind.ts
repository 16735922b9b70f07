import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { bundleOfHtml, orderBundles, UNDATED_BUNDLE } from '../site/search-bundles.ts';

/** Options of the Pagefind integration. */
export interface PagefindOptions {
  /** The folder of the bundles inside the built site (default `pagefind`): one bundle per year in `<bundle>/<year>/`. */
  bundle?: string;
}

/** A built page to index. */
interface IndexedPage {
  /** The HTML file. */
  file: string;
  /** Its URL under the site's root, as Pagefind would derive it (`/articles/x/`). */
  url: string;
}

/** Files added to the Pagefind service at once. */
const BATCH = 32;

/** Fails with Pagefind's own reasons when a response reports errors. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind could not ${step}: ${response.errors.join('; ')}. Fix the cause above and build again.`);
  }
}

/** `articles/x/index.html` → `/articles/x/`; `404.html` → `/404.html`. */
function urlOf(relative: string): string {
  const path = `/${relative.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/**
 * The HTML files of the site that mark content to index (`data-pagefind-body`), grouped by the
 * bundle they name (`data-search-bundle`, else the undated bundle), and how many files were read.
 */
function pagesByBundle(site: string, skip: string): { read: number; bundles: Map<string, IndexedPage[]> } {
  const bundles = new Map<string, IndexedPage[]>();
  let read = 0;
  const files = readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.html') && !relative.startsWith(`${skip}${sep}`))
    .sort();
  for (const relative of files) {
    const file = join(site, relative);
    const html = readFileSync(file, 'utf8');
    read += 1;
    if (!html.includes('data-pagefind-body')) continue;
    const bundle = bundleOfHtml(html) ?? UNDATED_BUNDLE;
    const pages = bundles.get(bundle) ?? [];
    pages.push({ file, url: urlOf(relative) });
    bundles.set(bundle, pages);
  }
  return { read, bundles };
}

/** Indexes one bundle's pages in a fresh Pagefind service and writes the bundle to `outputPath`. */
async function indexBundle(pages: readonly IndexedPage[], outputPath: string): Promise<void> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    check('start an index', created);
    const { index } = created;
    if (!index) throw new Error('Pagefind started no index and reported no error; run the build again.');
    for (let i = 0; i < pages.length; i += BATCH) {
      const batch = pages.slice(i, i + BATCH);
      const added = await Promise.all(
        batch.map(({ file, url }) => index.addHTMLFile({ url, content: readFileSync(file, 'utf8') })),
      );
      added.forEach((response, j) => {
        check(`index ${batch[j]?.file ?? 'a page'}`, response);
      });
    }
    check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
  } finally {
    // Closing ends Pagefind's service process, so the next bundle starts with its memory freed.
    await pagefind.close();
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
          await indexBundle(pages, join(outputRoot, name));
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
