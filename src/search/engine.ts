/**
 * The search itself, on top of Pagefind: normalise the query, ask Pagefind, widen the search
 * for Han terms Pagefind's segmentation may not reach, load each candidate's text, and rank
 * phrase matches first.
 */
import { buildHit, type Hit } from './hits.ts';
import { isHan, normalizeQuery, queryTerms, widenTerm } from './normalize.ts';
import type { PagefindApi, PagefindResult, PagefindSearchOptions } from './pagefind-api.ts';
import { rank, type SortOrder } from './rank.ts';
import { containsAll } from './text.ts';

/** What a search is asked for. */
export interface SearchRequest {
  /** The query as typed. */
  query: string;
  /** Filter key → value; empty values are ignored. */
  filters?: Record<string, string>;
  /** Order within the phrase and the scattered group. */
  sort?: SortOrder;
  /** At most this many items' texts are loaded to check for the phrase. */
  maxLoads?: number;
}

/** What a search found. */
export interface SearchOutcome {
  /** The query after normalisation (half-width, simplified). */
  query: string;
  /** Its terms. */
  terms: string[];
  /** Results, ranked. */
  hits: Hit[];
  /** How many hits hold the whole query. */
  exactCount: number;
  /** False when more candidates were found than `maxLoads` allowed to check. */
  complete: boolean;
}

/** A result with where it came from. */
interface Candidate {
  result: PagefindResult;
  order: number;
  primary: boolean;
}

/** Splits a term into the words the browser's segmenter sees, for highlighting scattered matches. */
function words(terms: readonly string[]): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const out = new Set<string>();
  for (const term of terms) {
    for (const part of segmenter.segment(term)) if (part.isWordLike) out.add(part.segment);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Runs `load` over `items`, a batch at a time, keeping their order. */
async function loadAll<T, R>(items: readonly T[], load: (item: T) => Promise<R>, batch = 24): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += batch) {
    out.push(...(await Promise.all(items.slice(i, i + batch).map(load))));
  }
  return out;
}

/**
 * Candidates Pagefind's own search for `query` may miss: results of searches for the suffixes
 * and the characters of the longest Han term, rarest first, after the primary results.
 */
async function widened(
  api: PagefindApi,
  terms: readonly string[],
  options: PagefindSearchOptions,
): Promise<PagefindResult[][]> {
  const longest = terms.filter(isHan).sort((a, b) => b.length - a.length)[0];
  if (!longest) return [];
  const suffixes: PagefindResult[][] = [];
  const chars: PagefindResult[][] = [];
  for (const term of widenTerm(longest)) {
    const results = (await api.search(term, options))?.results ?? [];
    (Array.from(term).length > 1 ? suffixes : chars).push(results);
  }
  chars.sort((a, b) => a.length - b.length);
  return [...suffixes, ...chars];
}

/** Runs a search through Pagefind and ranks phrase matches first (see the module comment). */
export async function searchArchive(api: PagefindApi, request: SearchRequest): Promise<SearchOutcome> {
  const query = await normalizeQuery(request.query);
  const terms = queryTerms(query);
  if (terms.length === 0) return { query, terms, hits: [], exactCount: 0, complete: true };
  const filters = Object.fromEntries(Object.entries(request.filters ?? {}).filter(([, value]) => value));
  const options: PagefindSearchOptions = Object.keys(filters).length > 0 ? { filters } : {};

  const candidates = new Map<string, Candidate>();
  const primary = (await api.search(query, options))?.results ?? [];
  for (const result of primary) candidates.set(result.id, { result, order: candidates.size, primary: true });
  for (const list of await widened(api, terms, options)) {
    for (const result of list) {
      if (!candidates.has(result.id)) candidates.set(result.id, { result, order: candidates.size, primary: false });
    }
  }

  const maxLoads = request.maxLoads ?? 300;
  const checked = [...candidates.values()].slice(0, maxLoads);
  const loaded = await loadAll(checked, (candidate) => candidate.result.data());
  const marks = words(terms);
  const hanWords = marks.filter(isHan);
  const hits: Hit[] = [];
  checked.forEach((candidate, i) => {
    const data = loaded[i];
    if (!data) return;
    const exact = containsAll(data.content, terms) || containsAll(data.meta.title ?? '', terms);
    // A scattered match is one of Pagefind's own results that holds each Han word of the query in
    // its text (not only in metadata such as the printed page's label).
    const scattered =
      candidate.primary &&
      (hanWords.length === 0 || containsAll(`${data.content}\n${data.meta.title ?? ''}`, hanWords));
    if (!exact && !scattered) return;
    hits.push(buildHit(data, exact ? terms : marks, exact, candidate.order));
  });
  const ranked = rank(hits, request.sort ?? 'relevance');
  return {
    query,
    terms,
    hits: ranked,
    exactCount: ranked.filter((hit) => hit.exact).length,
    complete: candidates.size <= maxLoads,
  };
}
