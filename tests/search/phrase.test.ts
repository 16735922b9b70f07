/**
 * The phrase index: its file format, the index built from the fixture pages' records (every
 * item holding a phrase is a candidate), and the search over it with a fake server: headline
 * matches first, filters, date orders, and only the fragments of the results shown loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { printedText, type ArticleRecord } from '../../src/lib/index.ts';
import { foldText } from '../../src/search/normalize.ts';
import type { PagefindApi } from '../../src/search/pagefind-api.ts';
import { buildPhraseIndex, filterValues, MAP_BLOCK, type PhraseIndex } from '../../src/search/phrase-build.ts';
import {
  decodeShard,
  encodePostings,
  encodeShard,
  filterListPath,
  gramsOf,
  intersect,
  mapBlockPath,
  periodShardPath,
  shardOf,
  termGrams,
} from '../../src/search/phrase-codec.ts';
import { PhraseIndexClient } from '../../src/search/phrase-index.ts';
import { PhraseSearch } from '../../src/search/phrase-search.ts';
import { placesOf, reportersOf, sortRecords } from '../../src/site/archive.ts';
import { searchBundles } from '../../src/site/search-bundles.ts';
import { PAGE_FIXTURES, recordsOf, writeFixtureSeeds } from '../helpers/site.ts';

const dir = mkdtempSync(join(tmpdir(), 'xinhua-phrase-'));
writeFixtureSeeds(dir, PAGE_FIXTURES);
const records = sortRecords(recordsOf(dir).articles);
const index = buildPhraseIndex(records, filterValues);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A record's printed text, one field a line. */
function textOf(record: ArticleRecord): string {
  return printedText(record).join('\n');
}

/** A server for the built index, the map blocks and each item's fragment; it counts the fragments fetched. */
function fakeSite(built: PhraseIndex): { client: PhraseIndexClient; fragments: string[]; fetched: string[] } {
  const fragments: string[] = [];
  const fetched: string[] = [];
  const files = new Map(built.files);
  for (let start = 0; start < built.ids.length; start += MAP_BLOCK) {
    const lines = built.ids.slice(start, start + MAP_BLOCK).map((_, i) => `b h${start + i}`);
    files.set(mapBlockPath(start / MAP_BLOCK), new TextEncoder().encode(`${lines.join('\n')}\n`));
  }
  const client = new PhraseIndexClient(
    built.manifest,
    (path) => {
      fetched.push(path);
      const fragment = /^pagefind\/b\/fragment\/h(\d+)\.pf_fragment$/u.exec(path);
      if (fragment) {
        fragments.push(path);
        const record = records[Number(fragment[1])];
        if (!record) return Promise.reject(new Error(`${path}: HTTP 404`));
        const json = JSON.stringify({
          url: `/articles/${record.id}/`,
          content: textOf(record),
          meta: { title: record.headline, ...(record.date ? { date: record.date } : {}) },
          filters: filterValues(record),
          anchors: [],
        });
        return Promise.resolve(new TextEncoder().encode(`pagefind_dcd${json}`));
      }
      const file = files.get(path.replace(/^search-index\//u, ''));
      return file ? Promise.resolve(file) : Promise.reject(new Error(`${path}: HTTP 404`));
    },
    '/',
  );
  return { client, fragments, fetched };
}

/** Pagefind is never needed when only phrase matches are asked for. */
const noPagefind = (): Promise<PagefindApi> => Promise.reject(new Error('Pagefind was loaded'));

describe('the phrase index format', () => {
  it('cuts text into folded bigrams over runs of letters and digits', () => {
    expect([...gramsOf('科技创新，ＡＩ2026')].sort()).toEqual(
      ['20', '02', '26', 'ai', 'i2', '创新', '技创', '科技'].sort(),
    );
    expect(termGrams('科技创新')).toEqual(['科技', '技创', '创新']);
    expect(termGrams('京')).toBeNull();
    expect(termGrams('G-20')).toBeNull();
  });

  it('cuts the same bigrams as folding the whole text and then splitting it into runs', () => {
    // The definition gramsOf implements in one pass: fold, split at what is not a letter or a digit, pair.
    const reference = (text: string): Set<string> => {
      const grams = new Set<string>();
      for (const [run] of foldText(text).matchAll(/[\p{L}\p{N}]+/gu)) {
        const chars = Array.from(run);
        for (let i = 0; i + 1 < chars.length; i += 1) grams.add(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
      }
      return grams;
    };
    const pieces = fc.constantFrom(
      '科技',
      '创新',
      '，',
      'Ａ',
      'b',
      '2',
      '０',
      '\uf900',
      '🄁',
      '𝐀',
      'İ',
      ' ',
      '丨',
      'ß',
      '\u0301',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.array(pieces).map((p) => p.join('')),
        ),
        (text) => {
          expect([...gramsOf(text)].sort()).toEqual([...reference(text)].sort());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('round-trips postings as a gap list or a bitmap, whichever is smaller', () => {
    const sparse = [3, 70, 900];
    const dense = Array.from({ length: 400 }, (_, i) => i * 2);
    expect(encodePostings(sparse, 1000).kind).toBe(0);
    expect(encodePostings(dense, 1000).kind).toBe(1);
    const shard = encodeShard([
      ['科技', encodePostings(sparse, 1000)],
      ['创新', encodePostings(dense, 1000)],
    ]);
    expect(decodeShard(shard, '科技')).toEqual(sparse);
    expect(decodeShard(shard, '创新')).toEqual(dense);
    expect(decodeShard(shard, '技创')).toEqual([]);
    expect(intersect([sparse, [70, 71, 900]])).toEqual([70, 900]);
  });

  it('hashes a gram to the same shard every time, within the shard count', () => {
    expect(shardOf('科技', 64)).toBe(shardOf('科技', 64));
    expect(shardOf('科技', 64)).toBeLessThan(64);
  });
});

describe('the phrase index of the fixture pages', () => {
  it("numbers items newest first in contiguous periods, the search bundles' periods, with shards of a few hundred bytes", () => {
    const periods = index.manifest.periods.map(([name]) => name);
    // The fixtures' months are 2026-04 (the open month), 2026-03 and 2026-01 (the closed first
    // quarter of the open year) and 2025-12 (a closed year).
    const periodOf: Record<string, string> = {
      '2026-04': '2026-04',
      '2026-03': '2026-q1',
      '2026-01': '2026-q1',
      '2025-12': '2025',
    };
    const expected = records.map((r) => periodOf[r.date?.slice(0, 7) ?? ''] ?? 'undated');
    expect(periods).toEqual(['2026-04', '2026-q1', '2025']);
    expect(periods).toEqual([...new Set(expected)]);
    // The search bundles' periods, in the order the browser loads the bundles.
    expect(periods).toEqual(searchBundles(records.map(({ date }) => date)));
    // Each period is the run of items it names, in item order.
    for (const [name, start, count] of index.manifest.periods) {
      expect(expected.slice(start, start + count).every((period) => period === name)).toBe(true);
    }
    expect(index.ids).toEqual(records.map((r) => r.id));
    for (const [name, , , shards] of index.manifest.periods) {
      for (let shard = 0; shard < shards; shard += 1) expect(index.files.has(periodShardPath(name, shard))).toBe(true);
    }
    const sizes = [...index.files.values()].map((bytes) => bytes.length);
    expect(Math.max(...sizes)).toBeLessThan(8 * 1024);
  });

  it('gives every item holding a phrase as a candidate, for phrases taken from every item', async () => {
    const { client } = fakeSite(index);
    for (const record of records) {
      for (const run of (textOf(record).match(/\p{Script=Han}{2,}/gu) ?? []).slice(0, 20)) {
        const phrase = run.slice(0, 4);
        const grams = termGrams(phrase) ?? [];
        const found = (await Promise.all(index.manifest.periods.map((_, p) => client.periodItems(p, grams)))).flat();
        const truth = records.flatMap((r, i) => (textOf(r).includes(phrase) ? [i] : []));
        expect(found, phrase).toEqual(expect.arrayContaining(truth));
      }
    }
  });

  it('lists every reporter and place once, the most frequent first, as the page suggests them', async () => {
    for (const [key, of] of [
      ['reporter', reportersOf],
      ['place', placesOf],
    ] as const) {
      const counts = new Map<string, number>();
      for (const record of records) for (const value of of(record)) counts.set(value, (counts.get(value) ?? 0) + 1);
      const listed = index.lists[key];
      expect(new Set(listed)).toEqual(new Set(counts.keys()));
      expect(listed).toHaveLength(counts.size);
      const frequencies = listed.map((value) => counts.get(value) ?? 0);
      expect(frequencies).toEqual([...frequencies].sort((a, b) => b - a));
      expect(await fakeSite(index).client.lines(filterListPath(key))).toEqual(listed);
    }
    expect(index.lists.reporter.length).toBeGreaterThan(1);
  });

  it('fails when the records are not in the archive order', () => {
    const mixed = [...records].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
    const years = new Set(mixed.map((r) => r.date?.slice(0, 4)));
    if (years.size > 1) {
      const interleaved = [mixed[0], mixed.at(-1), ...mixed.slice(1, -1), mixed[0]].filter(
        (r): r is ArticleRecord => r !== undefined,
      );
      expect(() => buildPhraseIndex(interleaved, filterValues)).toThrow(/archive's order/u);
    }
    expect(years.size).toBeGreaterThan(1);
  });
});

describe('a search through the phrase index', () => {
  it('finds exactly the items holding the phrase and loads only the fragments of the results asked for', async () => {
    const { client, fragments } = fakeSite(index);
    const query = '全国';
    const truth = records.filter((r) => textOf(r).includes(query)).map((r) => r.id);
    expect(truth.length).toBeGreaterThan(2);
    const search = await PhraseSearch.start(client, noPagefind, { query }, { phraseOnly: true });
    expect(search).not.toBeNull();
    await search?.fill(2);
    expect(search?.ready).toHaveLength(2);
    expect(fragments).toHaveLength(2);
    await search?.count();
    expect(search?.countKnown).toBe(true);
    expect(search?.exactCount).toBe(truth.length);
    await search?.fill(Infinity);
    expect(search?.ready.map((hit) => /articles\/([^/]+)/u.exec(hit.url)?.[1])).toEqual(expect.arrayContaining(truth));
    expect(search?.done).toBe(true);
  });

  it("starts with one shard file per gram of each of the two newest periods: the headline postings are beside the newest period's own", async () => {
    const { client, fetched } = fakeSite(index);
    const query = '新华社记者';
    const grams = termGrams(query) ?? [];
    expect(grams).toHaveLength(4);
    const search = await PhraseSearch.start(client, noPagefind, { query }, { phraseOnly: true });
    expect(search).not.toBeNull();
    expect(index.manifest.periods.length).toBeGreaterThan(2);
    const expected = new Set(
      index.manifest.periods
        .slice(0, 2)
        .flatMap(([name, , , shards]) =>
          grams.map((gram) => `search-index/${periodShardPath(name, shardOf(gram, shards))}`),
        ),
    );
    // The second period's shards are fetched beside the first's, not awaited: let them land.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(new Set(fetched)).toEqual(expected);
  });

  it("finds the headline postings of every period in the two newest periods' shards, numbered over the archive", async () => {
    const { client, fetched } = fakeSite(index);
    expect(index.manifest.periods.length).toBeGreaterThan(2);
    const oldest = records.at(-1);
    const newest = records[0];
    for (const record of [oldest, newest]) {
      const grams = [...gramsOf(record?.headline ?? '')].slice(0, 3);
      expect(grams.length).toBeGreaterThan(0);
      const truth = records.flatMap((r, i) => (grams.every((gram) => gramsOf(r.headline).has(gram)) ? [i] : []));
      expect(await client.titleItems(grams)).toEqual(truth);
    }
    const carriers = new Set(index.manifest.periods.slice(0, 2).map(([name]) => `search-index/p/${name}/`));
    expect(fetched.every((path) => [...carriers].some((folder) => path.startsWith(folder)))).toBe(true);
  });

  it('ranks an item whose headline holds the whole query first, then the others newest first', async () => {
    const { client } = fakeSite(index);
    const headed = records.find((r) => r.headline.length >= 4 && /^\p{Script=Han}{4}/u.test(r.headline));
    const query = headed?.headline.slice(0, 4) ?? '';
    const search = await PhraseSearch.start(client, noPagefind, { query }, { phraseOnly: true });
    await search?.fill(Infinity);
    const hits = search?.ready ?? [];
    expect(hits[0]?.title).toContain(query);
    const rest = hits.filter((hit) => !hit.title.includes(query)).map((hit) => hit.date ?? '');
    expect(rest).toEqual([...rest].sort().reverse());
  });

  it('applies filters from the index and sorts oldest first on request', async () => {
    const { client } = fakeSite(index);
    const month = records.find((r) => textOf(r).includes('全国'))?.date?.slice(0, 7) ?? '';
    const search = await PhraseSearch.start(
      client,
      noPagefind,
      { query: '全国', filters: { month }, sort: 'oldest' },
      { phraseOnly: true },
    );
    await search?.fill(Infinity);
    const dates = (search?.ready ?? []).map((hit) => hit.date ?? '');
    expect(dates.length).toBe(records.filter((r) => textOf(r).includes('全国') && r.date?.startsWith(month)).length);
    expect(dates.every((date) => date.startsWith(month))).toBe(true);
    expect(dates).toEqual([...dates].sort());
  });

  it('leaves single-character queries to Pagefind', async () => {
    const { client } = fakeSite(index);
    expect(await PhraseSearch.start(client, noPagefind, { query: '京' })).toBeNull();
  });

  it('reads period shards by the manifest', () => {
    const [name = '', , , shards = 1] = index.manifest.periods[0] ?? [];
    expect(index.files.has(periodShardPath(name, shardOf('全国', shards)))).toBe(true);
  });
});
