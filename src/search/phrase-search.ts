/**
 * A search answered by the phrase index first: the items holding the whole query come from the
 * postings of its bigrams (and of the chosen filters), newest period first, and only the
 * fragments of the results shown are loaded, which confirm them. Items whose headline holds
 * the query come first in relevance order. Pagefind is asked only once the phrase matches are
 * used up, for items that hold the query's words apart.
 */
import { buildHit, type Hit } from './hits.ts';
import { isHan, normalizeQuery, queryTerms } from './normalize.ts';
import type { PagefindApi, PagefindData, PagefindResult, PagefindSearchOptions } from './pagefind-api.ts';
import { filterGram, termGrams } from './phrase-codec.ts';
import type { PhraseIndexClient } from './phrase-index.ts';
import { rank, type SortOrder } from './rank.ts';
import { words, type RunningSearch, type SearchRequest } from './running.ts';
import { containsAll } from './text.ts';

/** Fragments loaded at once while confirming candidates or checking Pagefind's results. */
const BATCH = 10;

/** Options of a phrase search beyond the request. */
export interface PhraseSearchOptions {
  /** Only phrase matches are wanted: Pagefind is never asked. */
  phraseOnly?: boolean;
}

/** A search through the phrase index; see the module's comment. */
export class PhraseSearch implements RunningSearch {
  readonly query: string;
  readonly terms: readonly string[];
  readonly #index: PhraseIndexClient;
  readonly #pagefind: () => Promise<PagefindApi>;
  readonly #filters: [string, string][];
  readonly #keys: string[];
  readonly #sort: SortOrder;
  readonly #phraseOnly: boolean;
  readonly #maxLoads: number;
  /** Periods in the order they are visited (indexes into the manifest). */
  readonly #periods: number[];
  /** Each loaded period's candidates, in visiting order. */
  readonly #loaded = new Map<number, Promise<number[]>>();
  readonly #sizes = new Map<number, number>();
  /** Headline candidates (relevance order only), newest first. */
  #titles: number[] = [];
  #titleAt = 0;
  readonly #taken = new Set<number>();
  #periodAt = 0;
  #itemAt = 0;
  #rejected = 0;
  readonly #exact: Hit[] = [];
  // Pagefind's part: results that hold the words apart.
  #scatterStarted = false;
  #scatterResults: PagefindResult[] = [];
  #scatterAt = 0;
  readonly #scattered: Hit[] = [];
  #words: { marks: string[]; han: string[] } | undefined;

  private constructor(
    index: PhraseIndexClient,
    pagefind: () => Promise<PagefindApi>,
    query: string,
    grams: string[],
    request: SearchRequest,
    options: PhraseSearchOptions,
  ) {
    this.#index = index;
    this.#pagefind = pagefind;
    this.query = query;
    this.terms = queryTerms(query);
    this.#filters = Object.entries(request.filters ?? {}).filter(([, value]) => value);
    this.#keys = [...grams, ...this.#filters.map(([key, value]) => filterGram(key, value))];
    this.#sort = request.sort ?? 'relevance';
    this.#phraseOnly = options.phraseOnly ?? false;
    this.#maxLoads = request.maxLoads ?? 300;
    const periods = index.manifest.periods.map((_, i) => i);
    this.#periods = this.#sort === 'oldest' ? periods.reverse() : periods;
  }

  /** The query's words as the browser's segmenter sees them (all, and the Han ones), for Pagefind's part only. */
  get #wordsApart(): { marks: string[]; han: string[] } {
    if (!this.#words) {
      const marks = words(this.terms);
      this.#words = { marks, han: marks.filter(isHan) };
    }
    return this.#words;
  }

  /**
   * Starts a search, fetching the shards of the first two periods for the query's grams (they
   * also carry the headlines' postings: the newest period's own, the second's every older one);
   * null when a term is too short for the index (a single character), which Pagefind answers alone.
   */
  static async start(
    index: PhraseIndexClient,
    pagefind: () => Promise<PagefindApi>,
    request: SearchRequest,
    options: PhraseSearchOptions = {},
  ): Promise<PhraseSearch | null> {
    const query = await normalizeQuery(request.query);
    const terms = queryTerms(query);
    const perTerm = terms.map(termGrams);
    if (terms.length === 0 || perTerm.some((grams) => grams === null)) return null;
    const grams = [...new Set(perTerm.flatMap((list) => list ?? []))];
    const search = new PhraseSearch(index, pagefind, query, grams, request, options);
    const [first, second] = search.#periods;
    // The first period may be small (the newest month, or in oldest-first order the undated
    // items or the oldest year) and rarely fill a page: the next period's shards are fetched in
    // the same round.
    if (second !== undefined) void search.#period(second).catch(() => undefined);
    const [titles] = await Promise.all([
      search.#sort === 'relevance' ? index.titleItems(grams) : Promise.resolve([]),
      first === undefined ? Promise.resolve([]) : search.#period(first),
    ]);
    search.#titles = titles;
    return search;
  }

  /** A period's candidates in visiting order, loaded once. */
  #period(period: number): Promise<number[]> {
    let items = this.#loaded.get(period);
    if (!items) {
      items = this.#index.periodItems(period, this.#keys).then((found) => {
        this.#sizes.set(period, found.length);
        return this.#sort === 'oldest' ? found.reverse() : found;
      });
      this.#loaded.set(period, items);
      items.catch(() => this.#loaded.delete(period));
    }
    return items;
  }

  /** True when every phrase candidate has been taken. */
  get #phraseDone(): boolean {
    return this.#titleAt >= this.#titles.length && this.#periodAt >= this.#periods.length;
  }

  /** True when Pagefind's part is over too (or not wanted). */
  get done(): boolean {
    if (!this.#phraseDone) return false;
    if (this.#phraseOnly) return true;
    return this.#scatterStarted && this.#scatterAt >= Math.min(this.#scatterResults.length, this.#maxLoads);
  }

  /** False when Pagefind found more candidates than were checked. */
  get complete(): boolean {
    return this.#scatterResults.length <= this.#maxLoads;
  }

  /** Phrase matches: every candidate of the loaded periods, less those their text did not confirm. */
  get exactCount(): number {
    let count = 0;
    for (const size of this.#sizes.values()) count += size;
    return count - this.#rejected;
  }

  /** True once every period's candidates are known. */
  get countKnown(): boolean {
    return this.#sizes.size === this.#periods.length;
  }

  /** The results in their final order as far as they are known. */
  get ready(): Hit[] {
    if (!this.#phraseDone) return [...this.#exact];
    if (this.#sort === 'relevance') return [...this.#exact, ...this.#scattered];
    return this.done ? [...this.#exact, ...rank(this.#scattered, this.#sort)] : [...this.#exact];
  }

  /** Loads every period's candidates, so that `exactCount` is final. */
  async count(): Promise<void> {
    await Promise.all(this.#periods.map((period) => this.#period(period)));
  }

  /**
   * Confirms candidates, then checks Pagefind's results, until `count` results are ready; the
   * fragments of a batch load at once, and `progress` is called as each one is confirmed in order.
   */
  async fill(
    count: number,
    keepGoing: () => boolean = () => true,
    progress: () => void = () => undefined,
  ): Promise<void> {
    while (!this.done && this.ready.length < count && keepGoing()) {
      if (this.#phraseDone) await this.#scatter();
      else await this.#confirm(await this.#next(Math.min(BATCH, count - this.ready.length)), progress);
      progress();
    }
  }

  /** The next `n` phrase candidates in order (fewer when they run out). */
  async #next(n: number): Promise<number[]> {
    const out: number[] = [];
    while (out.length < n && this.#titleAt < this.#titles.length) {
      const item = this.#titles[this.#titleAt] ?? 0;
      const period = this.#index.periodOfItem(item);
      // A headline match still has to pass the filters: its period's candidates say so.
      if ((await this.#period(period)).includes(item)) {
        out.push(item);
        this.#taken.add(item);
      }
      this.#titleAt += 1;
    }
    while (out.length < n && this.#periodAt < this.#periods.length) {
      const items = await this.#period(this.#periods[this.#periodAt] ?? 0);
      if (this.#itemAt >= items.length) {
        this.#periodAt += 1;
        this.#itemAt = 0;
        // Fetch the next period's shards while this batch's fragments load.
        const next = this.#periods[this.#periodAt];
        if (next !== undefined) void this.#period(next).catch(() => undefined);
        continue;
      }
      const item = items[this.#itemAt++] ?? 0;
      if (!this.#taken.has(item)) out.push(item);
    }
    return out;
  }

  /** Whether an item's data holds the whole query and passes the filters. */
  #holds(data: PagefindData): boolean {
    const passes = this.#filters.every(([key, value]) => data.filters[key]?.includes(value) ?? false);
    return passes && (containsAll(data.content, this.terms) || containsAll(data.meta.title ?? '', this.terms));
  }

  /**
   * Loads the candidates' fragments all at once and keeps those their text confirms, in order:
   * each is taken as soon as it and those before it are in, and `progress` told.
   */
  async #confirm(items: readonly number[], progress: () => void): Promise<void> {
    const loads = items.map((item) => this.#index.data(item));
    // Every load is awaited below; a failure surfaces there, in order.
    for (const load of loads) load.catch(() => undefined);
    for (const [i, load] of loads.entries()) {
      const data = await load;
      if (this.#holds(data)) this.#exact.push(buildHit(data, this.terms, true, items[i] ?? 0));
      else this.#rejected += 1;
      progress();
    }
  }

  /** Pagefind's part: its results for the query, less the phrase matches, checked a batch at a time. */
  async #scatter(): Promise<void> {
    if (!this.#scatterStarted) {
      const api = await this.#pagefind();
      const options: PagefindSearchOptions =
        this.#filters.length > 0 ? { filters: Object.fromEntries(this.#filters) } : {};
      const [search, phrase] = await Promise.all([api.search(this.query, options), this.#phraseHashes()]);
      this.#scatterResults = (search?.results ?? []).filter((result) => !phrase.has(result.id));
      this.#scatterStarted = true;
      return;
    }
    const end = Math.min(this.#scatterAt + BATCH, this.#scatterResults.length, this.#maxLoads);
    const batch = this.#scatterResults.slice(this.#scatterAt, end);
    const loaded = await Promise.all(batch.map((result) => result.data()));
    loaded.forEach((data, i) => {
      const order = this.#index.manifest.items + this.#scatterAt + i;
      // Words apart: each Han word of the query in the text (not only in metadata).
      const { marks, han } = this.#wordsApart;
      if (han.length === 0 || containsAll(`${data.content}\n${data.meta.title ?? ''}`, han)) {
        if (!this.#holds(data)) this.#scattered.push(buildHit(data, marks, false, order));
      }
    });
    this.#scatterAt = end;
  }

  /** Pagefind's ids (fragment hashes) of every phrase candidate, so that Pagefind's part skips them unloaded. */
  async #phraseHashes(): Promise<Set<string>> {
    const lists = await Promise.all(this.#periods.map((period) => this.#period(period)));
    const located = await Promise.all(lists.flat().map((item) => this.#index.locate(item)));
    return new Set(located.map(({ hash }) => hash));
  }
}
