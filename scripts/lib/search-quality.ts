/**
 * Search quality against the archive's own text: queries taken from the items (whole words and
 * strings that start inside a word), the true items found by substring match over the records,
 * and what a search returns for them, as recall and precision at k, in simplified and in
 * traditional characters. The browser tests assert it for the site's search on the fixture
 * pages; the benchmark measures it for the site and for stock Pagefind on the same bundles.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { printedText, type ArticleRecord } from '../../src/lib/index.ts';
import { launchChromium } from './browser.ts';
import { loadBundlesExpression, pagefindBundles } from './search-probe.ts';
import { serveStatic } from './static-server.ts';

/** Where in each item's words the queries are taken (as fractions of its length). */
const POSITIONS = [0.2, 0.5, 0.8];

/** An item's printed text, fields joined by line breaks (a query never spans two fields). */
export function textOf(record: ArticleRecord): string {
  return printedText(record).join('\n');
}

/**
 * Han-only queries of 2–6 characters from each record's printed text, without duplicates, after
 * `first`: at three places in each item, one made of two whole words and one that starts inside
 * a word and crosses into the next (words as the browser's segmenter sees them, as Pagefind does
 * for queries).
 */
export function pickQueries(records: readonly ArticleRecord[], first: readonly string[] = []): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const picked = new Set<string>(first);
  for (const record of [...records].sort((a, b) => a.id.localeCompare(b.id))) {
    const runs = textOf(record).match(/\p{Script=Han}{2,}/gu) ?? [];
    // Each word with the two after it in the same run of Han characters.
    const words = runs.flatMap((run) => {
      const parts = [...segmenter.segment(run)].map((part) => part.segment);
      return parts.map((word, i) => ({ word, next: parts[i + 1] ?? '', after: parts[i + 2] ?? '' }));
    });
    POSITIONS.forEach((position, n) => {
      const start = Math.floor(words.length * position);
      // The first word at or after the position that has a multi-character word after it.
      const at = words.slice(start).find(({ word, next }) => word.length >= 2 && next.length >= 1);
      if (!at) return;
      const whole = at.word + at.next;
      if (whole.length <= 6) picked.add(whole);
      const crossing = (at.word.slice(-1) + at.next + at.after).slice(0, 2 + n);
      if (crossing.length >= 2) picked.add(crossing);
    });
  }
  return [...picked];
}

/** The ids of the records whose printed text holds `query`. */
export function truthOf(records: readonly ArticleRecord[], query: string): string[] {
  return records.filter((record) => textOf(record).includes(query)).map((record) => record.id);
}

/** Recall (share of the true items found) and precision at k (share of the first k results that are true, k = true items). */
export function score(found: readonly string[], truth: readonly string[]): { recall: number; precision: number } {
  if (truth.length === 0) return { recall: 1, precision: found.length === 0 ? 1 : 0 };
  const relevant = new Set(truth);
  const recall = found.filter((id) => relevant.has(id)).length / truth.length;
  const precision = found.slice(0, truth.length).filter((id) => relevant.has(id)).length / truth.length;
  return { recall, precision };
}

/** A query as asked, the query it stands for (the same, or its simplified form) and its true items. */
export interface QualityQuery {
  /** The query in simplified characters. */
  query: string;
  /** The query as asked (simplified or traditional). */
  asked: string;
  /** Ids of the items holding `query`. */
  truth: string[];
}

/** Recall and precision averaged over some queries, and the queries not answered perfectly. */
export interface QualityFigures {
  /** Queries asked. */
  queries: number;
  /** Mean recall. */
  recall: number;
  /** Mean precision at k. */
  precision: number;
  /** The queries with recall or precision below 1 (as asked, the simplified form after a traditional one). */
  misses: string[];
}

/** Runs every query through `run` and averages recall and precision at k. */
export async function measureQuality(
  queries: readonly QualityQuery[],
  run: (query: string) => Promise<string[]>,
): Promise<QualityFigures> {
  let recall = 0;
  let precision = 0;
  const misses: string[] = [];
  for (const { query, asked, truth } of queries) {
    const found = await run(asked);
    const s = score(found, truth);
    recall += s.recall;
    precision += s.precision;
    if (s.recall < 1 || s.precision < 1) misses.push(`${asked}${asked === query ? '' : `(${query})`}`);
  }
  return { queries: queries.length, recall: recall / queries.length, precision: precision / queries.length, misses };
}

/** The same queries in traditional characters (OpenCC, mainland → Taiwan). */
export function traditionalOf(queries: readonly QualityQuery[]): QualityQuery[] {
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return queries.map((q) => ({ ...q, asked: toTraditional(q.query) }));
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
 * Each indexed article's id by its Pagefind page id (the name of its fragment file, which
 * `result.id` gives), read from the fragments of every bundle of the site built in `dist`.
 */
export function articleIdsByPagefindId(dist: string): Map<string, string> {
  const ids = new Map<string, string>();
  const root = join(dist, 'pagefind');
  for (const bundle of readdirSync(root, { withFileTypes: true })) {
    const folder = join(root, bundle.name, 'fragment');
    if (!bundle.isDirectory() || !existsSync(folder)) continue;
    for (const file of readdirSync(folder)) {
      if (!file.endsWith('.pf_fragment')) continue;
      const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
      const { url } = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string };
      ids.set(file.slice(0, -'.pf_fragment'.length), decodeURIComponent(idOfHref(url)));
    }
  }
  return ids;
}

/**
 * Stock Pagefind: the Pagefind ids of all its results for `query`, in its order, through its JS
 * API on `page`, with the site's bundles merged as Pagefind documents it (`bundles`, primary
 * first). No result's data is loaded: the ids name the fragments.
 */
export async function stockIds(page: Page, query: string, bundles: readonly string[]): Promise<string[]> {
  // A string expression, so no transform of the calling code reaches the page.
  return page.evaluate<string[]>(
    `(async () => {
      const pagefind = await ${loadBundlesExpression(bundles)};
      const search = await pagefind.search(${JSON.stringify(query)});
      return search ? search.results.map((result) => result.id) : [];
    })()`,
  );
}

/** The quality rows of one archive: the site's search and stock Pagefind, simplified and traditional. */
export type QualityReport = Record<string, QualityFigures>;

/** Results compared at the top of a list (the first page). */
const TOP = 10;

/** A string's FNV-1a hash: a fixed, well-mixed order of the candidate queries. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The benchmark's queries: picked from an even sample of about 200 of the records, taken in a
 * fixed mixed order, the first `count` of them (each costs one pass over the archive's text).
 */
export function benchQueries(records: readonly ArticleRecord[], count: number): QualityQuery[] {
  const step = Math.max(1, Math.floor(records.length / 200));
  const sample = records.filter((_, i) => i % step === 0);
  const texts = records.map((record) => ({ id: record.id, text: textOf(record) }));
  const candidates = pickQueries(sample).sort((a, b) => hashOf(a) - hashOf(b) || (a < b ? -1 : 1));
  return candidates.slice(0, count).map((query) => ({
    query,
    asked: query,
    truth: texts.filter(({ text }) => text.includes(query)).map(({ id }) => id),
  }));
}

/**
 * The site's answer at archive size, read as a reader sees it: the first page of results and
 * the count of items holding the whole query that the status line gives (reading every result
 * would take a press of "more" per ten).
 */
async function sitePage(page: Page, origin: string, query: string): Promise<{ top: string[]; count: number }> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-status[data-state="done"], #search-status[data-state="error"]').waitFor();
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const hrefs = await page
    .locator('#search-results > li .item-title')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return { top: hrefs.map(idOfHref), count: Number(/找到 (\d+) 篇包含完整词句/u.exec(status)?.[1] ?? 0) };
}

/** Scores one answer: recall from the items found (or counted), precision over the first `TOP` results. */
function scoreTop(
  found: number,
  top: readonly string[],
  truth: readonly string[],
): { recall: number; precision: number } {
  const relevant = new Set(truth);
  const k = Math.min(TOP, truth.length);
  return {
    recall: Math.min(found, truth.length) / truth.length,
    precision: top.slice(0, k).filter((id) => relevant.has(id)).length / k,
  };
}

/** Averages per-query scores into figures. */
async function averaged(
  queries: readonly QualityQuery[],
  run: (q: QualityQuery) => Promise<{ recall: number; precision: number }>,
): Promise<QualityFigures> {
  let recall = 0;
  let precision = 0;
  const misses: string[] = [];
  for (const q of queries) {
    const s = await run(q);
    recall += s.recall;
    precision += s.precision;
    if (s.recall < 1 || s.precision < 1) misses.push(`${q.asked}${q.asked === q.query ? '' : `(${q.query})`}`);
  }
  return { queries: queries.length, recall: recall / queries.length, precision: precision / queries.length, misses };
}

/**
 * Measures search quality on the site built in `dist` from `records`, for `count` queries in
 * simplified and in traditional characters: the site's search page (recall from the count it
 * shows, precision over its first page) and stock Pagefind's `search()` on the same bundles
 * (recall over every result it returns, precision over its first ten).
 */
export async function probeQuality(
  dist: string,
  records: readonly ArticleRecord[],
  count = 12,
): Promise<QualityReport> {
  const simplified = benchQueries(records, count);
  const traditional = traditionalOf(simplified);
  const bundles = pagefindBundles(dist);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const site = async (q: QualityQuery) => {
      const { top, count: found } = await sitePage(page, server.origin, q.asked);
      return scoreTop(found, top, q.truth);
    };
    const report: QualityReport = {
      'this site, simplified': await averaged(simplified, site),
      'this site, traditional': await averaged(traditional, site),
    };
    // A page without the search page's script, which would have merged the bundles already.
    await page.goto(`${server.origin}/404.html`);
    const byPagefindId = articleIdsByPagefindId(dist);
    const stock = async (q: QualityQuery) => {
      const all = (await stockIds(page, q.asked, bundles)).map((id) => byPagefindId.get(id) ?? id);
      const relevant = new Set(q.truth);
      return scoreTop(all.filter((id) => relevant.has(id)).length, all, q.truth);
    };
    report['stock Pagefind, simplified'] = await averaged(simplified, stock);
    report['stock Pagefind, traditional'] = await averaged(traditional, stock);
    return report;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The quality report as a Markdown table. */
export function renderQualityTable(report: QualityReport, articles: number): string {
  const [first] = Object.values(report);
  const rows = Object.entries(report).map(
    ([name, f]) =>
      `| ${name} | ${f.recall.toFixed(3)} | ${f.precision.toFixed(3)} | ${f.misses.length} | ${f.misses.slice(0, 8).join(' ')} |`,
  );
  return [
    '',
    `## Search quality: ${first?.queries ?? 0} queries from the text of ${articles.toLocaleString('en')} articles`,
    '',
    `Recall: the site's from the count of whole-query matches it shows, stock Pagefind's from every result it returns; precision over the first ${TOP} results. Each query in simplified and in traditional characters.`,
    '',
    '| search | recall | precision@10 | imperfect queries | first of them |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
