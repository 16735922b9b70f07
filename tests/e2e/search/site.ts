/**
 * The site the search tests run against: the three printed-page fixtures built with
 * `astro build` (Pagefind index included), served on localhost, and Debian's Chromium.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/browser.ts';
import { loadBundlesExpression } from '../../../scripts/lib/search-probe.ts';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { printedText, type ArticleRecord } from '../../../src/lib/index.ts';
import { buildSite, PAGE_FIXTURES, recordsOf, writeFixtureSeeds } from '../../helpers/site.ts';

/** A built and served fixture site with a browser. */
export interface SearchSite {
  /** The built site. */
  dist: string;
  /** The records it was built from. */
  records: ArticleRecord[];
  /** The server. */
  server: StaticServer;
  /** Chromium. */
  browser: Browser;
  /** Stops the browser and the server and removes the build. */
  close: () => Promise<void>;
}

/** Builds the three printed-page fixtures into a temporary folder, serves them and starts Chromium. */
export async function openSearchSite(): Promise<SearchSite> {
  const root = mkdtempSync(join(tmpdir(), 'xinhua-search-'));
  const seeds = join(root, 'seeds');
  const dist = join(root, 'dist');
  writeFixtureSeeds(seeds, PAGE_FIXTURES);
  buildSite(seeds, dist);
  const { articles } = recordsOf(seeds);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  return {
    dist,
    records: articles,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** An item's printed text, fields joined by line breaks (a query never spans two fields). */
export function textOf(record: ArticleRecord): string {
  return printedText(record).join('\n');
}

/** The article id of a result link (`/articles/<id>/?…`). */
export function idOfHref(href: string): string {
  return /\/articles\/([^/?#]+)/u.exec(href)?.[1] ?? href;
}

/** Opens `/search/?q=…` and returns the article ids of all results, in order (pressing "more" as needed). */
export async function searchPage(page: Page, origin: string, query: string): Promise<string[]> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-status[data-state="done"], #search-status[data-state="error"]').waitFor();
  if ((await page.locator('#search-status').getAttribute('data-state')) === 'error') {
    throw new Error(`search for ${query} failed: ${(await page.locator('#search-status').textContent()) ?? ''}`);
  }
  const more = page.locator('#search-more');
  // Each press checks more candidates; the status is busy until the next page is shown.
  while (await more.isVisible()) {
    await more.click();
    await page.locator('#search-status[data-state="done"], #search-status[data-state="error"]').waitFor();
  }
  const hrefs = await page
    .locator('#search-results > li .item-title')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map(idOfHref);
}

/**
 * Stock Pagefind: the article ids of its results for `query`, in its order, through its JS API on
 * `page`, with the site's bundles merged as Pagefind documents it (`bundles`, primary first).
 */
export async function stockSearch(page: Page, query: string, bundles: readonly string[]): Promise<string[]> {
  // A string expression, so the test runner's transforms never reach the page.
  const urls = await page.evaluate<string[]>(
    `(async () => {
      const pagefind = await ${loadBundlesExpression(bundles)};
      const search = await pagefind.search(${JSON.stringify(query)});
      const data = await Promise.all((search ? search.results : []).map((result) => result.data()));
      return data.map((d) => d.url);
    })()`,
  );
  return urls.map(idOfHref);
}

/** The site's own scripts a built page loads: module scripts and their imports, static (`initial`) or on demand (`lazy`). */
export function scriptsOf(dist: string, htmlFile: string): { initial: string[]; lazy: string[] } {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, onDemand: boolean): void => {
    const seen = initial.has(file) || (onDemand && lazy.has(file));
    if (seen) return;
    (onDemand ? lazy : initial).add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/gu)) {
      visit(join(dirname(file), match[1] ?? ''), onDemand);
    }
    for (const match of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/gu)) {
      visit(join(dirname(file), match[1] ?? ''), true);
    }
  };
  for (const match of html.matchAll(/<script[^>]*\bsrc="\/(_astro\/[^"]+\.js)"/gu)) visit(match[1] ?? '', false);
  for (const file of initial) lazy.delete(file);
  return { initial: [...initial], lazy: [...lazy] };
}

/** The gzipped size of built files, in bytes. */
export function gzipSize(dist: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
}
