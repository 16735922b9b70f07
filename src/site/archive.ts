import type { ArticleRecord } from '../lib/types.ts';
import { creditedNames, filedFrom } from '../lib/views.ts';

/** One printed page (one seed) and its items in print order. */
export interface PrintedPage {
  /** The seed's URL-safe id. */
  seedId: string;
  /** The seed file name. */
  seed: string;
  /** The issue date: from front matter or the file name, else the latest item's date. */
  date: string | null;
  /** The printed page number, from front matter. */
  page?: string;
  /** The page's section, from front matter. */
  section?: string;
  /** Items in print order. */
  items: ArticleRecord[];
}

/** Newest first, undated last, then by id: the order of every list in the archive. */
export function byDateDesc<T extends { date: string | null }>(a: T, b: T, tie: (a: T, b: T) => number): number {
  if (a.date !== b.date) return (b.date ?? '').localeCompare(a.date ?? '');
  return tie(a, b);
}

/** Sorts records newest first, then by page and print order. */
export function sortRecords(records: readonly ArticleRecord[]): ArticleRecord[] {
  return [...records].sort((a, b) => byDateDesc(a, b, (x, y) => x.seedId.localeCompare(y.seedId) || x.order - y.order));
}

/** Groups records into printed pages, newest first. */
export function printedPages(records: readonly ArticleRecord[]): PrintedPage[] {
  const pages = new Map<string, PrintedPage>();
  for (const record of records) {
    let page = pages.get(record.seedId);
    if (!page) {
      page = {
        seedId: record.seedId,
        seed: record.seed,
        date: record.issue.date,
        ...(record.issue.page === undefined ? {} : { page: record.issue.page }),
        ...(record.issue.section === undefined ? {} : { section: record.issue.section }),
        items: [],
      };
      pages.set(record.seedId, page);
    }
    page.items.push(record);
  }
  for (const page of pages.values()) {
    page.items.sort((a, b) => a.order - b.order);
    page.date ??= page.items.reduce<string | null>(
      (latest, item) => (item.date && (!latest || item.date > latest) ? item.date : latest),
      null,
    );
  }
  return [...pages.values()].sort((a, b) =>
    byDateDesc(
      a,
      b,
      (x, y) => (x.page ?? '').localeCompare(y.page ?? '', 'en', { numeric: true }) || x.seedId.localeCompare(y.seedId),
    ),
  );
}

/** Groups values by keys computed from each (a value may have several keys), keys sorted. */
export function groupBy<T>(values: readonly T[], keys: (value: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    for (const key of new Set(keys(value))) {
      const group = groups.get(key) ?? [];
      group.push(value);
      groups.set(key, group);
    }
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')));
}

/** The people an item credits: byline names, a roundup's later datelines' reporters, photographers. */
export function reportersOf(record: ArticleRecord): string[] {
  return creditedNames(record);
}

/** The places an item was filed from: its dateline's and a roundup's later datelines'. */
export function placesOf(record: ArticleRecord): string[] {
  return filedFrom(record);
}

/** `yyyy-mm` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
