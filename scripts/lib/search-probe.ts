/**
 * Search as a reader meets it: the built site served on localhost, queried in headless
 * Chromium. Measures, for cold queries (each in a fresh browser context) and for later queries,
 * the time and the bytes (as sent, and as a host would send them gzipped) until the first
 * result, through the site's search page (`/search/?q=…`, then queries typed into it) and
 * through stock Pagefind's JS API on the same bundles (search, then the top ten results' data).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/** One measured query. */
export interface QueryTiming {
  /** The query. */
  query: string;
  /** Wall time in ms until results were there. */
  ms: number;
  /** Bytes the server sent until the first result showed. */
  bytes: number;
  /** The same files gzipped (level 9), as a host that compresses would send them. */
  gzipBytes: number;
  /** Bytes the server sent until the page had finished its first page of results (count included). */
  doneBytes: number;
  /** Results found (on the first page). */
  results: number;
  /** The files fetched until the first result, by kind (`html`, `js`, `pagefind index`, `fragment`, …) → count. */
  files: Record<string, number>;
}

/** What the probe found; a field is a reason string when it could not be measured. */
export interface SearchProbe {
  /** Every cold query through the search page, each in a fresh context. */
  uiColdAll: QueryTiming[] | string;
  /** Every cold query through stock Pagefind, each in a fresh context. */
  apiColdAll: QueryTiming[] | string;
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
  /** Queries each run cold (default: the first of `queries`, then the 京津冀 and 经济圆桌会). */
  coldQueries?: readonly string[];
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

/** Bytes sent by the server so far, by path. */
function snapshot(server: StaticServer): Map<string, number> {
  return new Map(server.sent);
}

/** What a file is, for the list of files a query fetched. */
function kindOf(path: string): string {
  if (path.includes('/fragment/')) return 'fragment';
  if (path.startsWith('/search-index/')) return path.startsWith('/search-index/m/') ? 'map block' : 'phrase shard';
  if (path.startsWith('/pagefind/')) return /\.(?:js|pagefind)$/u.test(path) ? 'pagefind code' : 'pagefind index';
  return /\.(\w+)$/u.exec(path)?.[1] ?? 'html';
}

/** Bytes sent since `before` (as sent, and gzipped), and the files by kind. */
function sentSince(
  dist: string,
  server: StaticServer,
  before: Map<string, number>,
  gzipped: Map<string, number>,
): { bytes: number; gzipBytes: number; files: Record<string, number> } {
  let bytes = 0;
  let gzipBytes = 0;
  const files: Record<string, number> = {};
  for (const [path, total] of server.sent) {
    const delta = total - (before.get(path) ?? 0);
    if (delta <= 0) continue;
    bytes += delta;
    let file = normalize(join(dist, decodeURIComponent(path)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const size = existsSync(file) ? statSync(file).size : 0;
    if (!gzipped.has(path)) gzipped.set(path, size > 0 ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
    const times = size > 0 ? delta / size : 0;
    gzipBytes += Math.round(times * (gzipped.get(path) ?? 0));
    files[kindOf(path)] = (files[kindOf(path)] ?? 0) + Math.max(1, Math.round(times));
  }
  return { bytes, gzipBytes, files };
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

/** In-page script: loads Pagefind (once per page), searches and loads the top 10 results' data (stock Pagefind's first result). */
function apiQuery(query: string, bundles: readonly string[]): string {
  return `(async () => {
    const start = performance.now();
    const pagefind = await ${loadBundlesExpression(bundles)};
    const search = await pagefind.search(${JSON.stringify(query)});
    await Promise.all(search.results.slice(0, 10).map((result) => result.data()));
    return { ms: performance.now() - start, results: search.results.length };
  })()`;
}

/**
 * Init script of the search page's context: a clock in the page, from the navigation (a cold
 * query) or from the next submit of the form (`resultClock.arm()`, a later query) until an
 * element matching `selector` is in the document; `resultClock.read()` gives that time and the
 * paths of the files whose response had ended by then (the page itself included, for a cold
 * query). Timed in the page as the stock figures are, so the driver's own round trips count
 * for neither.
 */
function resultClock(selector: string): string {
  return `globalThis.resultClock = (() => {
    let start = 0;
    let end = null;
    const watch = () => {
      end = null;
      const observer = new MutationObserver(() => {
        if (end !== null || !document.querySelector(${JSON.stringify(selector)})) return;
        end = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    };
    watch();
    return {
      arm() {
        document.addEventListener('submit', () => {
          start = performance.now();
          watch();
        }, { capture: true, once: true });
      },
      read() {
        const stop = end ?? performance.now();
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        const files = entries
          .filter((entry) => entry.startTime >= start && entry.responseEnd > 0 && entry.responseEnd <= stop)
          .map((entry) => new URL(entry.name).pathname);
        return { ms: stop - start, files };
      },
    };
  })()`;
}

/** Bytes of some files of the site as sent (their size; the test server does not compress) and gzipped, and the files by kind. */
function filesSent(
  dist: string,
  paths: readonly string[],
  gzipped: Map<string, number>,
): { bytes: number; gzipBytes: number; files: Record<string, number> } {
  let bytes = 0;
  let gzipBytes = 0;
  const files: Record<string, number> = {};
  for (const path of paths) {
    let file = normalize(join(dist, decodeURIComponent(path)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (!gzipped.has(path)) gzipped.set(path, size > 0 ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
    bytes += size;
    gzipBytes += gzipped.get(path) ?? 0;
    files[kindOf(path)] = (files[kindOf(path)] ?? 0) + 1;
  }
  return { bytes, gzipBytes, files };
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The first line of an error, as a reason. */
function reason(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/** Probes search on the site built in `dist`. */
export async function probeSearch(dist: string, options: SearchProbeOptions): Promise<SearchProbe> {
  const noBundle = 'n/a (no Pagefind bundle in dist/pagefind)';
  const bundles = pagefindBundles(dist);
  if (bundles.length === 0) {
    return {
      uiColdAll: noBundle,
      apiColdAll: noBundle,
      uiCold: noBundle,
      uiWarm: noBundle,
      apiCold: noBundle,
      apiWarm: noBundle,
    };
  }
  const [first = '', ...rest] = options.queries;
  const cold = options.coldQueries ?? [first, ...['京津冀', '经济圆桌会'].filter((q) => q !== first)];
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const gzipped = new Map<string, number>();
  try {
    // The browser's own start-up (its first renderer, fonts, ICU data) is no cost of either
    // search: a page of the site without search is opened once, in a context of its own (its
    // cache is not shared), before anything is measured.
    const warmUp = await browser.newContext();
    await (await warmUp.newPage()).goto(`${server.origin}/404.html`);
    await warmUp.close();
    let uiColdAll: QueryTiming[] | string = 'n/a (the search page does not load Pagefind yet)';
    let uiWarm: QueryTiming[] | string = uiColdAll;
    if (hasSearchUi(dist)) {
      try {
        uiColdAll = [];
        for (const [n, query] of cold.entries()) {
          // Cold: `/search/?q=…` opened in a fresh context. Warm (after the last cold one): the next
          // queries typed into that page's box and submitted, as a reader does.
          const context = await browser.newContext();
          await context.addInitScript(resultClock(options.resultSelector));
          const page = await context.newPage();
          const measure = async (text: string, isCold: boolean): Promise<QueryTiming> => {
            const before = snapshot(server);
            if (isCold) {
              await page.goto(`${server.origin}/search/?q=${encodeURIComponent(text)}`);
            } else {
              await page.evaluate('globalThis.resultClock.arm()');
              await page.locator('#q').fill(text);
              await page.locator('#q').press('Enter');
            }
            await page.waitForSelector(options.resultSelector, { timeout: 60_000 });
            const { ms, files } = await page.evaluate<{ ms: number; files: string[] }>('globalThis.resultClock.read()');
            const atFirst = filesSent(dist, files, gzipped);
            await page.waitForSelector(options.doneSelector, { timeout: 60_000 });
            const atDone = sentSince(dist, server, before, gzipped);
            const results = await page.locator(options.resultSelector).count();
            return { query: text, ms, ...atFirst, doneBytes: atDone.bytes, results };
          };
          uiColdAll.push(await measure(query, true));
          if (n === cold.length - 1) {
            uiWarm = [];
            for (const query of rest) uiWarm.push(await measure(query, false));
          }
          await context.close();
        }
      } catch (error) {
        uiColdAll = `n/a (no "${options.resultSelector}" appeared: ${reason(error)})`;
        uiWarm = uiColdAll;
      }
    }
    // Stock Pagefind, each cold query on a fresh page with no script of its own, so that
    // everything Pagefind loads is counted; the warm ones after the last, on the same page.
    const apiColdAll: QueryTiming[] = [];
    const apiWarm: QueryTiming[] = [];
    for (const [n, query] of cold.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.origin}/robots.txt`);
      const measure = async (text: string): Promise<QueryTiming> => {
        const before = snapshot(server);
        const { ms, results } = await page.evaluate<{ ms: number; results: number }>(apiQuery(text, bundles));
        const sent = sentSince(dist, server, before, gzipped);
        return { query: text, ms, ...sent, doneBytes: sent.bytes, results };
      };
      apiColdAll.push(await measure(query));
      if (n === cold.length - 1) for (const query of rest) apiWarm.push(await measure(query));
      await context.close();
    }
    return {
      uiColdAll,
      apiColdAll,
      uiCold: typeof uiColdAll === 'string' ? uiColdAll : (uiColdAll[0] ?? 'n/a'),
      uiWarm,
      apiCold: apiColdAll[0] ?? 'n/a',
      apiWarm,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
