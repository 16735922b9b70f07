/**
 * The part of Pagefind's browser API (`/pagefind/<bundle>/pagefind.js`) this site uses. Pagefind ships
 * no types for its browser bundle, so they are declared here from its documentation.
 */

/** A word Pagefind matched, with its position among the page's words. */
export interface PagefindLocation {
  /** Position among the page's words. */
  location: number;
  /** The word's weight (headings weigh more). */
  weight: number;
  /** Pagefind's score for this word. */
  balanced_score: number;
}

/** A heading with an `id` inside the indexed content. */
export interface PagefindAnchor {
  /** The element, e.g. `h2`. */
  element: string;
  /** The element's `id`. */
  id: string;
  /** The heading's text. */
  text: string;
  /** Position among the page's words where the heading starts. */
  location: number;
}

/** The data of one result, loaded on demand (one fragment file per page). */
export interface PagefindData {
  /** The page URL, with the site's base. */
  url: string;
  /** The page URL as indexed. */
  raw_url: string;
  /** The indexed text, without markup. */
  content: string;
  /** The indexed text with words separated by U+200B and `<`, `>` escaped. */
  raw_content: string;
  /** Pagefind's excerpt around the matched words, with `<mark>`. */
  excerpt: string;
  /** Metadata: `title` and the keys set with `data-pagefind-meta`. */
  meta: Record<string, string | undefined>;
  /** Filter values of the page. */
  filters: Record<string, string[] | undefined>;
  /** Headings with ids, for sub-results. */
  anchors: PagefindAnchor[];
  /** Positions of the matched words. */
  locations: number[];
}

/** One result, before its data is loaded. */
export interface PagefindResult {
  /** Pagefind's page id. */
  id: string;
  /** Pagefind's relevance score. */
  score: number;
  /** Loads the page's data. */
  data: () => Promise<PagefindData>;
}

/** The answer to a search. */
export interface PagefindSearch {
  /** Results, best first (or in the requested sort order). */
  results: PagefindResult[];
  /** How many pages matched before filters. */
  unfilteredResultCount: number;
}

/** Options of one search. */
export interface PagefindSearchOptions {
  /** Filter key → required value (or values, any of which matches). */
  filters?: Record<string, string | string[]>;
  /** Sort key → direction. */
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The module `/pagefind/<bundle>/pagefind.js`. */
export interface PagefindApi {
  /** Sets options before the first search (`baseUrl`, `excerptLength`, …). */
  options: (options: Record<string, unknown>) => Promise<void>;
  /** Adds another bundle (its folder URL) to the searched index; takes the same options. */
  mergeIndex: (url: string, options?: Record<string, unknown>) => Promise<void>;
  /** Forgets the loaded and merged indexes, so that options and merges can start again. */
  destroy: () => Promise<void>;
  /** Loads the index metadata (otherwise done by the first search). */
  init: () => Promise<void>;
  /** Searches; `null` lists every page that passes the filters. */
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch | null>;
  /** Every filter with its values and how many pages have each. */
  filters: () => Promise<Record<string, Record<string, number>>>;
}
