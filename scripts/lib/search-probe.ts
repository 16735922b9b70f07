/**
 * Search as a reader meets it: the built site served on localhost, queried in headless
 * Chromium. Measures bytes sent by the server and time for a cold query (fresh browser
 * context) and warm queries, through the site's search page when it has a search UI
 * (`/search/?q=…`, then queries typed into it) and through the Pagefind JS API (same page).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** One measured query. */
export interface QueryTiming {
  /** The query. */
  query: string;
  /** Wall time in ms until results were there. */
  ms: number;
  /** Bytes the server sent for it. */
  bytes: number;
  /** Results found. */
  results: number;
}

/** What the probe found; a field is a reason string when it could not be measured. */
export interface SearchProbe {
  /** Cold query through the search page (`/search/?q=…`), waiting for a result element. */
  uiCold: QueryTiming | string;
  /** Later queries typed into the same search page and submitted, timed until their first result shows. */
  uiWarm: QueryTiming[] | string;
  /** Cold query through the Pagefind JS API in a fresh browser context. */
  apiCold: QueryTiming | string;
  /** Warm queries through the same Pagefind instance. */
  apiWarm: QueryTiming[] | string;
}

/** Options of the probe. */
export interface SearchProbeOptions {
  /** Queries: the first is the cold one, the rest are warm. */
  queries: readonly string[];
  /** CSS selector of one search result on the search page. */
  resultSelector: string;
  /** CSS selector that matches once the search page has shown a full page of results. */
  doneSelector: string;
}

/** Whether the built search page loads Pagefind (in its HTML or a script it references). */
export function hasSearchUi(dist: string): boolean {
  const page = join(dist, 'search', 'index.html');
  if (!existsSync(page)) return false;
  const html = readFileSync(page, 'utf8');
  if (html.includes('pagefind')) return true;
  return [...html.matchAll(/<script[^>]*\bsrc="\/?([^"]+)"/gu)].some((match) => {
    const script = join(dist, match[1] ?? '');
    return existsSync(script) && readFileSync(script, 'utf8').includes('pagefind');
  });
}

/** Bytes sent by the server so far. */
function sentBytes(server: StaticServer): number {
  let total = 0;
  for (const bytes of server.sent.values()) total += bytes;
  return total;
}

/**
 * The Pagefind bundles of a built site, primary first: those its search page merges
 * (`data-search-bundles`, one per year under `/pagefind/<year>/`), else the single bundle the
 * Pagefind CLI writes at `/pagefind/`. Empty when the site has no index.
 */
export function pagefindBundles(dist: string): string[] {
  const page = join(dist, 'search', 'index.html');
  const listed = existsSync(page) ? /data-search-bundles="([^"]*)"/u.exec(readFileSync(page, 'utf8'))?.[1] : undefined;
  if (listed)
    return listed
      .split(' ')
      .filter(Boolean)
      .map((bundle) => `/pagefind/${bundle}/`);
  return existsSync(join(dist, 'pagefind', 'pagefind.js')) ? ['/pagefind/'] : [];
}

/**
 * An in-page expression that loads Pagefind from `bundles` once per page (the first bundle, the
 * others merged into it, as the search page does) and evaluates to its API.
 */
export function loadBundlesExpression(bundles: readonly string[]): string {
  return `(globalThis.mergedPagefind ??= (async () => {
    const [primary, ...others] = ${JSON.stringify(bundles)};
    const pagefind = await import(primary + 'pagefind.js');
    for (const bundle of others) await pagefind.mergeIndex(bundle);
    return pagefind;
  })())`;
}

/** In-page script: loads Pagefind (once per page), searches and loads the top 10 results' data. */
function apiQuery(query: string, bundles: readonly string[]): string {
  return `(async () => {
    const start = performance.now();
    const pagefind = await ${loadBundlesExpression(bundles)};
    const search = await pagefind.search(${JSON.stringify(query)});
    await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    return { ms: performance.now() - start, results: search.results.length };
  })()`;
}

/** Probes search on the site built in `dist`. */
export async function probeSearch(dist: string, options: SearchProbeOptions): Promise<SearchProbe> {
  const noBundle = 'n/a (no Pagefind bundle in dist/pagefind)';
  const bundles = pagefindBundles(dist);
  if (bundles.length === 0) return { uiCold: noBundle, uiWarm: noBundle, apiCold: noBundle, apiWarm: noBundle };
  const [first = '', ...rest] = options.queries;
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    let uiCold: QueryTiming | string = 'n/a (the search page does not load Pagefind yet)';
    let uiWarm: QueryTiming[] | string = uiCold;
    if (hasSearchUi(dist)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Cold: open `/search/?q=…` in a fresh context. Warm: type the next query into the same
      // page and submit it, as a reader does; timed until its first result shows.
      const measure = async (query: string, cold: boolean): Promise<QueryTiming> => {
        const before = sentBytes(server);
        const start = performance.now();
        if (cold) {
          await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
        } else {
          await page.locator('#q').fill(query);
          await page.locator('#q').press('Enter');
        }
        await page.waitForSelector(options.resultSelector, { timeout: 60_000 });
        const ms = performance.now() - start;
        // Results show batch by batch: count them, and the bytes, once the first page is complete.
        await page.waitForSelector(options.doneSelector, { timeout: 60_000 });
        return {
          query,
          ms,
          bytes: sentBytes(server) - before,
          results: await page.locator(options.resultSelector).count(),
        };
      };
      try {
        uiCold = await measure(first, true);
        uiWarm = [];
        for (const query of rest) uiWarm.push(await measure(query, false));
      } catch (error) {
        const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
        uiCold = typeof uiCold === 'string' ? `n/a (no "${options.resultSelector}" appeared: ${reason})` : uiCold;
        uiWarm = `n/a (no "${options.resultSelector}" appeared: ${reason})`;
      }
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    // A page with no script of its own, so everything Pagefind loads is counted.
    await page.goto(`${server.origin}/robots.txt`);
    const measure = async (query: string): Promise<QueryTiming> => {
      const before = sentBytes(server);
      const { ms, results } = await page.evaluate<{ ms: number; results: number }>(apiQuery(query, bundles));
      return { query, ms, bytes: sentBytes(server) - before, results };
    };
    const apiCold = await measure(first);
    const apiWarm: QueryTiming[] = [];
    for (const query of rest) apiWarm.push(await measure(query));
    await context.close();
    return { uiCold, uiWarm, apiCold, apiWarm };
  } finally {
    await browser.close();
    await server.close();
  }
}
