/**
 * The search itself, on top of Pagefind: normalise the query, ask Pagefind, widen the search
 * for Han terms Pagefind's segmentation may not reach, load each candidate's text, and rank
 * phrase matches first.
 */
import { buildHit, type Hit } from './hits.ts';
import { words, type RunningSearch, type SearchRequest } from './running.ts';
import { isHan, normalizeQuery, queryTerms, widenTerm } from './normalize.ts';
import type { PagefindApi, PagefindData, PagefindResult, PagefindSearchOptions } from './pagefind-api.ts';
import { rank, type SortOrder } from './rank.ts';
import { containsAll } from './text.ts';

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

/** Candidates whose texts are loaded at once: fewer in the first batch, so that the first results show sooner. */
const FIRST_BATCH = 8;
const BATCH = 24;

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

/** A result with where it came from. */
interface Candidate {
  /** Pagefind's result. */
  result: PagefindResult;
  /** Position among all candidates: Pagefind's order, widened results after the primary ones. */
  order: number;
  /** Found by Pagefind's own search for the query (not by a widened one). */
  primary: boolean;
}

/**
 * One search, checked as far as the reader looks: candidates are loaded and checked for the
 * phrase a batch at a time, in Pagefind's order, and the widened searches run only once
 * Pagefind's own results are used up. In relevance order the phrase matches found so far are
 * already in their final places, so the first page shows after a batch or two instead of after
 * every candidate; a date order, or the scattered matches, need every candidate checked.
 */
export class ArchiveSearch implements RunningSearch {
  /** The query after normalisation (half-width, simplified). */
  readonly query: string;
  /** Its terms. */
  readonly terms: readonly string[];
  readonly #api: PagefindApi;
  readonly #options: PagefindSearchOptions;
  readonly #sort: SortOrder;
  readonly #maxLoads: number;
  readonly #marks: string[];
  readonly #hanWords: string[];
  readonly #candidates: Candidate[] = [];
  readonly #seen = new Set<string>();
  readonly #exact: Hit[] = [];
  readonly #scattered: Hit[] = [];
  #checked = 0;
  #widened = false;
  #cut = false;

  private constructor(api: PagefindApi, query: string, request: SearchRequest) {
    this.#api = api;
    this.query = query;
    this.terms = queryTerms(query);
    const filters = Object.fromEntries(Object.entries(request.filters ?? {}).filter(([, value]) => value));
    this.#options = Object.keys(filters).length > 0 ? { filters } : {};
    this.#sort = request.sort ?? 'relevance';
    this.#maxLoads = request.maxLoads ?? 300;
    this.#marks = words(this.terms);
    this.#hanWords = this.#marks.filter(isHan);
  }

  /** Starts a search: normalises the query and asks Pagefind for its own results. */
  static async start(api: PagefindApi, request: SearchRequest): Promise<ArchiveSearch> {
    const search = new ArchiveSearch(api, await normalizeQuery(request.query), request);
    if (search.terms.length === 0) search.#widened = true;
    else search.#add((await api.search(search.query, search.#options))?.results ?? [], true);
    return search;
  }

  /** True when every candidate that will be checked has been. */
  get done(): boolean {
    return this.#widened && this.#checked >= Math.min(this.#candidates.length, this.#maxLoads);
  }

  /** False when more candidates were found than `maxLoads` allowed to check. */
  get complete(): boolean {
    return !this.#cut && this.#candidates.length <= this.#maxLoads;
  }

  /** How many phrase matches were found so far. */
  get exactCount(): number {
    return this.#exact.length;
  }

  /** True once every candidate has been checked. */
  get countKnown(): boolean {
    return this.done;
  }

  /** The results in their final order as far as they are known: all of them once `done`. */
  get ready(): Hit[] {
    if (this.done) return rank([...this.#exact, ...this.#scattered], this.#sort);
    return this.#sort === 'relevance' ? [...this.#exact] : [];
  }

  /**
   * Checks candidates until `count` results are ready, there is nothing left to check, or
   * `keepGoing` says no (asked between batches, so an abandoned search stops loading).
   */
  async fill(
    count: number,
    keepGoing: () => boolean = () => true,
    progress: () => void = () => undefined,
  ): Promise<void> {
    while (!this.done && this.ready.length < count && keepGoing()) {
      await this.#step();
      progress();
    }
  }

  /** Adds new candidates, in order, skipping those already there. */
  #add(results: readonly PagefindResult[], primary: boolean): void {
    for (const result of results) {
      if (this.#seen.has(result.id)) continue;
      this.#seen.add(result.id);
      this.#candidates.push({ result, order: this.#candidates.length, primary });
    }
  }

  /** Checks the next batch of candidates, or runs the widened searches when none is left. */
  async #step(): Promise<void> {
    const size = this.#checked === 0 ? FIRST_BATCH : BATCH;
    const end = Math.min(this.#checked + size, this.#candidates.length, this.#maxLoads);
    if (this.#checked >= end) {
      // At the limit already: more candidates could not be checked, so do not search for them.
      if (this.#checked >= this.#maxLoads) this.#cut = true;
      else for (const list of await widened(this.#api, this.terms, this.#options)) this.#add(list, false);
      this.#widened = true;
      return;
    }
    const batch = this.#candidates.slice(this.#checked, end);
    const loaded = await Promise.all(batch.map((candidate) => candidate.result.data()));
    batch.forEach((candidate, i) => {
      const data = loaded[i];
      if (data) this.#check(candidate, data);
    });
    this.#checked = end;
  }

  /** Keeps a candidate that holds the phrase, or (one of Pagefind's own) each of its words. */
  #check(candidate: Candidate, data: PagefindData): void {
    const title = data.meta.title ?? '';
    const exact = containsAll(data.content, this.terms) || containsAll(title, this.terms);
    // A scattered match is one of Pagefind's own results that holds each Han word of the query in
    // its text (not only in metadata such as the printed page's label).
    const scattered =
      candidate.primary && (this.#hanWords.length === 0 || containsAll(`${data.content}\n${title}`, this.#hanWords));
    if (exact) this.#exact.push(buildHit(data, this.terms, true, candidate.order));
    else if (scattered) this.#scattered.push(buildHit(data, this.#marks, false, candidate.order));
  }
}

/** Runs a whole search through Pagefind, every candidate checked, and ranks phrase matches first. */
export async function searchArchive(api: PagefindApi, request: SearchRequest): Promise<SearchOutcome> {
  const search = await ArchiveSearch.start(api, request);
  await search.fill(Infinity);
  return {
    query: search.query,
    terms: [...search.terms],
    hits: search.ready,
    exactCount: search.exactCount,
    complete: search.complete,
  };
}
