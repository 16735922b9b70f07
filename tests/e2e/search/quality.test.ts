/**
 * Search quality, measured: queries from the fixture texts, the true items found by substring
 * match over the records, and what the search page returns for them (and what stock Pagefind
 * returns), in simplified and in traditional characters.
 */
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagefindBundles } from '../../../scripts/lib/search-probe.ts';
import { pickQueries, score, truthOf } from './queries.ts';
import { openSearchSite, searchPage, stockSearch, type SearchSite } from './site.ts';

/** Averages over a set of queries. */
interface Figures {
  queries: number;
  recall: number;
  precision: number;
  misses: string[];
}

/** Runs every query through `run` and averages recall and precision at k. */
async function measure(
  queries: readonly { query: string; asked: string; truth: string[] }[],
  run: (query: string) => Promise<string[]>,
): Promise<Figures> {
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

let site: SearchSite;
let page: Page;

beforeAll(async () => {
  site = await openSearchSite();
  page = await site.browser.newPage();
}, 300_000);

afterAll(async () => {
  await site.close();
});

describe('search quality on the fixture pages', () => {
  it('finds every item holding the query and ranks them first (recall 1, precision@k 1), also for traditional queries, where stock Pagefind does not', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const simplified = pickQueries(site.records).map((query) => ({
      query,
      asked: query,
      truth: truthOf(site.records, query),
    }));
    const traditional = simplified.map((q) => ({ ...q, asked: toTraditional(q.query) }));
    expect(simplified.length).toBeGreaterThan(40);
    expect(simplified.every((q) => q.truth.length > 0)).toBe(true);

    const ours = (query: string) => searchPage(page, site.server.origin, query);
    await page.goto(`${site.server.origin}/search/`);
    const stock = (query: string) => stockSearch(page, query, pagefindBundles(site.dist));
    const rows = {
      'ours, simplified': await measure(simplified, ours),
      'ours, traditional': await measure(traditional, ours),
    };
    // A zh-CN page without the search page's script, which would have merged the bundles already.
    await page.goto(`${site.server.origin}/404.html`);
    const stockRows = {
      'stock Pagefind, simplified': await measure(simplified, stock),
      'stock Pagefind, traditional': await measure(traditional, stock),
    };
    const table = Object.entries({ ...rows, ...stockRows }).map(([name, f]) => ({
      search: name,
      queries: f.queries,
      recall: f.recall.toFixed(3),
      'precision@k': f.precision.toFixed(3),
      'imperfect queries': f.misses.length,
    }));
    console.log(
      `Search quality over ${simplified.length} queries (${traditional.filter((q) => q.asked !== q.query).length} differ in traditional characters):`,
    );
    console.table(table);
    for (const [name, f] of Object.entries(stockRows)) {
      if (f.misses.length > 0) console.log(`${name} imperfect on: ${f.misses.slice(0, 30).join(' ')}`);
    }

    for (const [name, f] of Object.entries(rows)) {
      expect(f.misses, name).toEqual([]);
      expect(f.recall, name).toBe(1);
      expect(f.precision, name).toBe(1);
    }
  }, 300_000);
});
