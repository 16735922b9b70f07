import { describe, expect, it } from 'vitest';
import { ArchiveSearch, searchArchive } from '../../src/search/engine.ts';
import type {
  PagefindApi,
  PagefindData,
  PagefindResult,
  PagefindSearchOptions,
} from '../../src/search/pagefind-api.ts';

/** A page of the fake index: its indexed words (as a word segmenter cut them) and its filters. */
interface FakePage {
  id: string;
  words: string[];
  filters?: Record<string, string[]>;
}

/**
 * A stand-in for Pagefind's search: a query is cut into words by the browser's segmenter and a
 * page matches when each word is a prefix of one of its indexed words, as in Pagefind.
 */
function fakePagefind(
  pages: FakePage[],
): PagefindApi & { calls: { term: string | null; options?: PagefindSearchOptions }[]; loads: number } {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const api = {
    calls: [] as { term: string | null; options?: PagefindSearchOptions }[],
    loads: 0,
    options: () => Promise.resolve(),
    init: () => Promise.resolve(),
    mergeIndex: () => Promise.resolve(),
    destroy: () => Promise.resolve(),
    filters: () => Promise.resolve({}),
    search: (term: string | null, options?: PagefindSearchOptions) => {
      api.calls.push({ term, ...(options ? { options } : {}) });
      const words = [...segmenter.segment(term ?? '')].filter((s) => s.isWordLike).map((s) => s.segment);
      const wanted = Object.entries(options?.filters ?? {});
      const results: PagefindResult[] = pages
        .filter((page) => words.every((word) => page.words.some((w) => w.startsWith(word))))
        .filter((page) => wanted.every(([key, value]) => page.filters?.[key]?.includes(String(value))))
        .map((page) => ({
          id: page.id,
          score: 1,
          data: () => {
            api.loads += 1;
            const raw = page.words.join('\u200b');
            const data: PagefindData = {
              url: `/articles/${page.id}/`,
              raw_url: `/articles/${page.id}/`,
              content: page.words.join(''),
              raw_content: raw,
              excerpt: '',
              meta: { title: page.words[0] ?? '' },
              filters: page.filters ?? {},
              anchors: [],
              locations: [],
            };
            return Promise.resolve(data);
          },
        }));
      return Promise.resolve({ results, unfilteredResultCount: results.length });
    },
  };
  return api;
}

describe('searching through Pagefind', () => {
  it('ranks an item holding the whole phrase above one holding its words apart, though Pagefind ranks it second', async () => {
    const api = fakePagefind([
      { id: 'apart', words: ['科技', '。', '创新'] },
      { id: 'phrase', words: ['科技', '创新'] },
    ]);
    const outcome = await searchArchive(api, { query: '科技创新' });
    expect(outcome.hits.map((h) => [h.url, h.exact])).toEqual([
      ['/articles/phrase/?pagefind-highlight=%E7%A7%91%E6%8A%80%E5%88%9B%E6%96%B0', true],
      [expect.stringContaining('/articles/apart/'), false],
    ]);
    expect(outcome.exactCount).toBe(1);
  });

  it('finds an item Pagefind misses because the query starts inside an indexed word', async () => {
    const api = fakePagefind([
      { id: 'idiom', words: ['游人', '如织'] },
      { id: 'other', words: ['人', '如', '今', '织', '布'] },
    ]);
    expect((await api.search('人如织'))?.results.map((r) => r.id)).toEqual(['other']);
    const outcome = await searchArchive(api, { query: '人如织' });
    expect(outcome.hits.filter((h) => h.exact).map((h) => h.url.split('?')[0])).toEqual(['/articles/idiom/']);
  });

  it('drops items found by a widened search that do not hold the query', async () => {
    const api = fakePagefind([{ id: 'chars', words: ['宫', '里', '画', '展'] }]);
    const outcome = await searchArchive(api, { query: '宫画展' });
    expect(api.calls.map((call) => call.term)).toContain('宫');
    expect(outcome.hits).toEqual([]);
  });

  it('passes the filters to every Pagefind search and converts a traditional query first', async () => {
    const api = fakePagefind([
      { id: 'a', words: ['经济'], filters: { month: ['2026-04'] } },
      { id: 'b', words: ['经济'], filters: { month: ['2026-01'] } },
    ]);
    const outcome = await searchArchive(api, { query: '經濟', filters: { month: '2026-04', place: '' } });
    expect(outcome.query).toBe('经济');
    expect(outcome.hits.map((h) => h.url.split('?')[0])).toEqual(['/articles/a/']);
    expect(api.calls.every((call) => call.options?.filters?.month === '2026-04')).toBe(true);
    expect(api.calls.some((call) => call.options?.filters && 'place' in call.options.filters)).toBe(false);
  });

  it('loads no more than maxLoads items and says when it stopped early', async () => {
    const api = fakePagefind(Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, words: ['清明', '假期'] })));
    const outcome = await searchArchive(api, { query: '清明假期', maxLoads: 5 });
    expect(api.loads).toBe(5);
    expect(outcome.hits).toHaveLength(5);
    expect(outcome.complete).toBe(false);
  });

  it('has a first page of phrase matches after two small batches, before the widened searches run', async () => {
    const api = fakePagefind(Array.from({ length: 100 }, (_, i) => ({ id: `p${i}`, words: ['清明', '假期'] })));
    const search = await ArchiveSearch.start(api, { query: '清明假期' });
    await search.fill(5);
    expect(api.loads).toBe(8);
    await search.fill(20);
    expect(api.loads).toBe(8 + 24);
    expect(api.calls.map((call) => call.term)).toEqual(['清明假期']);
    expect(search.done).toBe(false);
    expect(search.ready.map((hit) => hit.url.split('?')[0]).slice(0, 3)).toEqual([
      '/articles/p0/',
      '/articles/p1/',
      '/articles/p2/',
    ]);
    await search.fill(Infinity);
    expect(search.done).toBe(true);
    expect(search.ready).toHaveLength(100);
    expect(api.calls.length).toBeGreaterThan(1);
  });

  it('stops checking between batches once the search is abandoned', async () => {
    const api = fakePagefind(Array.from({ length: 100 }, (_, i) => ({ id: `p${i}`, words: ['清明', '假期'] })));
    const search = await ArchiveSearch.start(api, { query: '清明假期', sort: 'newest' });
    let batches = 0;
    await search.fill(Infinity, () => (batches += 1) <= 2);
    expect(api.loads).toBe(8 + 24);
    expect(search.done).toBe(false);
  });

  it('checks every candidate before showing results in date order', async () => {
    const api = fakePagefind(Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, words: ['清明', '假期'] })));
    const search = await ArchiveSearch.start(api, { query: '清明假期', sort: 'newest' });
    await search.fill(20);
    expect(api.loads).toBe(50);
    expect(search.done).toBe(true);
  });

  it('asks nothing for an empty query', async () => {
    const api = fakePagefind([]);
    expect((await searchArchive(api, { query: '  ' })).hits).toEqual([]);
    expect(api.calls).toEqual([]);
  });
});
