/**
 * Search quality, asserted: queries from the fixture texts, the true items found by substring
 * match over the records, and what the search page returns for them, in simplified and in
 * traditional characters. Stock Pagefind's figures on the same queries are the benchmark's
 * (`npm run bench`, scripts/lib/search-quality.ts), not a test's.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureQuality, traditionalOf } from '../../../scripts/lib/search-quality.ts';
import { pickQueries, truthOf } from './queries.ts';
import { openSearchSite, searchPage, type SearchSite } from './site.ts';

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
  it('finds every item holding the query and ranks them first (recall 1, precision@k 1), also for traditional queries', async () => {
    const simplified = pickQueries(site.records).map((query) => ({
      query,
      asked: query,
      truth: truthOf(site.records, query),
    }));
    const traditional = traditionalOf(simplified);
    expect(simplified.length).toBeGreaterThan(40);
    expect(traditional.some((q) => q.asked !== q.query)).toBe(true);
    expect(simplified.every((q) => q.truth.length > 0)).toBe(true);

    const ours = (query: string) => searchPage(page, site.server.origin, query);
    await page.goto(`${site.server.origin}/search/`);
    const rows = {
      'ours, simplified': await measureQuality(simplified, ours),
      'ours, traditional': await measureQuality(traditional, ours),
    };
    console.log(
      `Search quality over ${simplified.length} queries (${traditional.filter((q) => q.asked !== q.query).length} differ in traditional characters):`,
    );
    console.table(
      Object.entries(rows).map(([name, f]) => ({
        search: name,
        queries: f.queries,
        recall: f.recall.toFixed(3),
        'precision@k': f.precision.toFixed(3),
        'imperfect queries': f.misses.length,
      })),
    );

    for (const [name, f] of Object.entries(rows)) {
      expect(f.misses, name).toEqual([]);
      expect(f.recall, name).toBe(1);
      expect(f.precision, name).toBe(1);
    }
  }, 300_000);
});
