/**
 * What the search page asks of a search, whichever answers it: the phrase index
 * (`phrase-search.ts`, loaded with the page) or Pagefind alone (`engine.ts`, loaded on demand).
 */
import type { Hit } from './hits.ts';
import type { SortOrder } from './rank.ts';

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

/** What the search page needs of a running search (Pagefind's alone, or the phrase index's). */
export interface RunningSearch {
  /** The query after normalisation (half-width, simplified). */
  readonly query: string;
  /** Its terms. */
  readonly terms: readonly string[];
  /** True when every candidate that will be checked has been. */
  readonly done: boolean;
  /** False when more candidates were found than could be checked. */
  readonly complete: boolean;
  /** How many phrase matches were found so far (all of them once `countKnown`). */
  readonly exactCount: number;
  /** True when `exactCount` is final. */
  readonly countKnown: boolean;
  /** The results in their final order as far as they are known. */
  readonly ready: Hit[];
  /**
   * Works until `count` results are ready or nothing is left, asking `keepGoing` between steps
   * and calling `progress` whenever more results are ready.
   */
  fill: (count: number, keepGoing?: () => boolean, progress?: () => void) => Promise<void>;
}

/** Splits a term into the words the browser's segmenter sees, for highlighting scattered matches. */
export function words(terms: readonly string[]): string[] {
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const out = new Set<string>();
  for (const term of terms) {
    for (const part of segmenter.segment(term)) if (part.isWordLike) out.add(part.segment);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
