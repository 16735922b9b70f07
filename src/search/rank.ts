/**
 * Ranking: items holding the whole query (every term, each as one unbroken string) come
 * before items where Pagefind found the query's words apart; within each group Pagefind's
 * order is kept, or the date order the reader chose.
 */

/** How results are ordered within the phrase and the scattered group. */
export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** The sort orders, for validating URL parameters. */
export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/** What ranking needs to know about a candidate. */
export interface Rankable {
  /** The item holds the whole query. */
  exact: boolean;
  /** Position in Pagefind's answer (found by a widened search: after all of them). */
  order: number;
  /** ISO date, if known. */
  date?: string | undefined;
}

/** Compares two dates for the chosen order; undated items go last either way. */
function byDate(a: string | undefined, b: string | undefined, order: SortOrder): number {
  if (order === 'relevance' || a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return order === 'newest' ? b.localeCompare(a) : a.localeCompare(b);
}

/** Sorts candidates: phrase matches first, then by date (if chosen), then by Pagefind's order. */
export function rank<T extends Rankable>(items: readonly T[], order: SortOrder = 'relevance'): T[] {
  return [...items].sort(
    (a, b) => Number(b.exact) - Number(a.exact) || byDate(a.date, b.date, order) || a.order - b.order,
  );
}
