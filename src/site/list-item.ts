import type { ArticleRecord } from '../lib/types.ts';
import { excerpt, itemTitle } from './format.ts';

/** What a list of items shows of one item: the page props of every list, so a list's key covers it. */
export interface ListItem {
  /** The record's id (its page is `/articles/<id>/`). */
  id: string;
  /** Article or photo. */
  kind: ArticleRecord['kind'];
  /** The title a reader sees: the headline, or the opening words. */
  title: string;
  /** The item's date, if known. */
  date: string | null;
  /** The place of its dateline, if any. */
  place?: string;
  /** The byline's names. */
  names: string[];
  /** The opening of its text, when the list shows excerpts. */
  excerpt?: string;
}

/** The list view of a record; with `excerptSize`, its excerpt of that many characters. */
export function listItem(record: ArticleRecord, excerptSize?: number): ListItem {
  return {
    id: record.id,
    kind: record.kind,
    title: itemTitle(record),
    date: record.date,
    ...(record.dateline?.place ? { place: record.dateline.place } : {}),
    names: record.byline?.names ?? [],
    ...(excerptSize === undefined ? {} : { excerpt: excerpt(record, excerptSize) }),
  };
}
