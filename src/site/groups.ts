import type { PaginateFunction } from 'astro';
import type { ArticleRecord } from '../lib/types.ts';
import { groupBy } from './archive.ts';
import { keyed } from './cache-key.ts';
import { listItem, type ListItem } from './list-item.ts';
import { PAGE_SIZE } from './pagination.ts';

/** One page of a reporter's or a place's items: exactly what its page renders. */
export interface GroupListPage {
  /** The items of this page, with excerpts. */
  data: ListItem[];
  /** The index of the page's first item in the whole list, from 0. */
  start: number;
  /** How many items the group has. */
  total: number;
  /** This page's number, from 1. */
  currentPage: number;
  /** The number of pages. */
  lastPage: number;
}

/**
 * The keyed `getStaticPaths()` entries of a group route (`reporters/[name]/[...page]`):
 * each group named by `keysOf` in pages of `PAGE_SIZE` items, the first at the group's own URL,
 * each page's props only what it shows and its `cacheKey` their digest.
 */
export function groupPaths<Param extends string>(
  records: readonly ArticleRecord[],
  keysOf: (record: ArticleRecord) => readonly string[],
  param: Param,
  paginate: PaginateFunction,
) {
  return keyed(
    [...groupBy(records, keysOf).entries()].flatMap(([key, items]) =>
      paginate(
        items.map((record) => listItem(record, 80)),
        { pageSize: PAGE_SIZE, params: { [param]: key } as Record<Param, string> },
      ).map(({ params, props: { page } }) => ({
        params: params as Record<Param, string> & { page: string | undefined },
        props: {
          page: {
            data: page.data,
            start: page.start,
            total: page.total,
            currentPage: page.currentPage,
            lastPage: page.lastPage,
          } satisfies GroupListPage,
        },
      })),
    ),
  );
}
