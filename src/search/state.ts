/** The search page's state as it lives in the URL (`/search/?q=京津冀&month=2026-04&sort=newest`). */
import { SORT_ORDERS, type SortOrder } from './rank.ts';

/** The filters the index carries (`data-pagefind-filter` on article pages). */
export const FILTER_KEYS = ['month', 'reporter', 'place', 'kind'] as const;

/** One of the filter keys. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Everything a search page URL can say. */
export interface SearchState {
  /** The query as typed. */
  q: string;
  /** Filter values; an empty string means any. */
  filters: Record<FilterKey, string>;
  /** Order within the phrase and scattered groups. */
  sort: SortOrder;
  /** Show only items holding the whole query. */
  exact: boolean;
}

/** Reads the state from URL parameters, ignoring unknown values. */
export function readState(params: URLSearchParams): SearchState {
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    filters: Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Record<FilterKey, string>,
    sort: SORT_ORDERS.includes(sort as SortOrder) ? (sort as SortOrder) : 'relevance',
    exact: params.get('exact') === '1',
  };
}

/** Writes the state as URL parameters, leaving out empty and default values. */
export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.exact) params.set('exact', '1');
  return params;
}
