import { columnOf } from '../lib/views.ts';
import type { ArticleRecord } from '../lib/types.ts';
import { groupBy } from './archive.ts';
import { href } from './urls.ts';

/** Items in a column listing page. */
export const COLUMN_PAGE_SIZE = 100;

/** The items of each column (the label before the headline, else the byline's brand), columns sorted. */
export function columnGroups(records: readonly ArticleRecord[]): Map<string, ArticleRecord[]> {
  return groupBy(records, (record) => {
    const column = columnOf(record);
    return column === undefined ? [] : [column];
  });
}

/** A column's listing page; the name is percent-encoded. */
export function columnHref(column: string): string {
  return href(`columns/${encodeURIComponent(column)}/`);
}

/** The index of columns. */
export function columnsHref(): string {
  return href('columns/');
}
