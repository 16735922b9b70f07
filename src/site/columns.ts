import { columnOf } from '../lib/views.ts';
import type { ArticleRecord } from '../lib/types.ts';

/** The column an item is listed under (the label before the headline, else the byline's brand), as a group key. */
export function columnsOf(record: ArticleRecord): string[] {
  const column = columnOf(record);
  return column === undefined ? [] : [column];
}
