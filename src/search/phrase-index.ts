/**
 * The phrase index in the browser: fetches the shard files a query's grams hash to (each once),
 * the blocks of the item → fragment map, and the Pagefind fragments of the items shown, which
 * it reads as Pagefind does (gzip, then Pagefind's signature, then JSON).
 */
import type { PagefindData } from './pagefind-api.ts';
import {
  decodeShard,
  intersect,
  mapBlockPath,
  periodShardPath,
  shardOf,
  titleKey,
  type PhraseManifest,
} from './phrase-codec.ts';

/** Fetches a file of the site (relative to the site's base) as bytes; fails on an HTTP error. */
export type Fetcher = (path: string) => Promise<Uint8Array>;

/** Where an item's page is in Pagefind's index. */
export interface Located {
  /** The bundle (folder under `pagefind/`). */
  bundle: string;
  /** The fragment's hash: Pagefind's page id. */
  hash: string;
}

/** A fragment as Pagefind writes it. */
interface Fragment {
  url: string;
  content: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
  anchors?: PagefindData['anchors'];
}

/** Fetches over HTTP relative to `base`, decompressing `.pf_fragment` files (gzip). */
export function httpFetcher(base: string): Fetcher {
  return async (path) => {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    if (!path.endsWith('.pf_fragment') || !response.body) return new Uint8Array(await response.arrayBuffer());
    const stream = response.body.pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  };
}

/** The phrase index of the site, as far as it has been fetched. */
export class PhraseIndexClient {
  readonly manifest: PhraseManifest;
  readonly #fetch: Fetcher;
  readonly #base: string;
  readonly #files = new Map<string, Promise<Uint8Array>>();
  readonly #fragments = new Map<number, Promise<PagefindData>>();

  /** @param manifest the index's manifest; @param fetcher how files are fetched; @param base the site's base URL, for result links */
  constructor(manifest: PhraseManifest, fetcher: Fetcher, base: string) {
    this.manifest = manifest;
    this.#fetch = fetcher;
    this.#base = base;
  }

  /** A file, fetched once (a failed fetch is forgotten, so it can be tried again). */
  #file(path: string): Promise<Uint8Array> {
    let file = this.#files.get(path);
    if (!file) {
      file = this.#fetch(`search-index/${path}`);
      this.#files.set(path, file);
      file.catch(() => this.#files.delete(path));
    }
    return file;
  }

  /** A text file of the index as its lines, without empty ones. */
  async lines(path: string): Promise<string[]> {
    return new TextDecoder()
      .decode(await this.#file(path))
      .split('\n')
      .filter(Boolean);
  }

  /** The items of period `period` (index in the manifest) holding every key (global numbers, ascending). */
  async periodItems(period: number, keys: readonly string[]): Promise<number[]> {
    const [name = '', start = 0, , shards = 1] = this.manifest.periods[period] ?? [];
    const lists = await Promise.all(
      keys.map(async (key) => decodeShard(await this.#file(periodShardPath(name, shardOf(key, shards))), key)),
    );
    return intersect(lists).map((item) => item + start);
  }

  /**
   * The items whose headline holds every gram (ascending): from the shards of the newest period
   * (its own items' headlines) and of the second (every older item's), the files the first round
   * of a query fetches for the grams' own postings.
   */
  async titleItems(grams: readonly string[]): Promise<number[]> {
    const carriers = this.manifest.periods.slice(0, 2);
    const lists = await Promise.all(
      grams.map(async (gram) => {
        // The newest period's items come before the second's: the lists join in ascending order.
        const parts = await Promise.all(
          carriers.map(async ([name, start, , shards]) =>
            decodeShard(await this.#file(periodShardPath(name, shardOf(gram, shards))), titleKey(gram)).map(
              (item) => item + start,
            ),
          ),
        );
        return parts.flat();
      }),
    );
    return intersect(lists);
  }

  /** The index in the manifest of the period holding `item`. */
  periodOfItem(item: number): number {
    return this.manifest.periods.findIndex(([, start, count]) => item >= start && item < start + count);
  }

  /** Where an item's page is in Pagefind's index. */
  async locate(item: number): Promise<Located> {
    const { block } = this.manifest;
    const bytes = await this.#file(mapBlockPath(Math.floor(item / block)));
    const line = new TextDecoder().decode(bytes).split('\n')[item % block] ?? '';
    const [bundle = '', hash = ''] = line.split(' ');
    if (!bundle || !hash) throw new Error(`The search index has no page for item ${item}; rebuild the site.`);
    return { bundle, hash };
  }

  /** An item's Pagefind data (the fragment of its page), shaped as Pagefind's `result.data()` gives it. */
  data(item: number): Promise<PagefindData> {
    let data = this.#fragments.get(item);
    if (!data) {
      data = this.#load(item);
      this.#fragments.set(item, data);
      data.catch(() => this.#fragments.delete(item));
    }
    return data;
  }

  /** Loads and shapes a fragment. */
  async #load(item: number): Promise<PagefindData> {
    const { bundle, hash } = await this.locate(item);
    const bytes = await this.#fetch(`pagefind/${bundle}/fragment/${hash}.pf_fragment`);
    const text = new TextDecoder().decode(bytes);
    const fragment = JSON.parse(text.startsWith('pagefind_dcd') ? text.slice(12) : text) as Fragment;
    const url = `${this.#base}/${fragment.url}`.replace(/\/+/gu, '/');
    return {
      url,
      raw_url: fragment.url,
      content: fragment.content.replace(/\u200b/gu, ''),
      raw_content: fragment.content.replace(/</gu, '&lt;').replace(/>/gu, '&gt;'),
      excerpt: '',
      meta: fragment.meta ?? {},
      filters: fragment.filters ?? {},
      anchors: fragment.anchors ?? [],
      locations: [],
    };
  }
}
