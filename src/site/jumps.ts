import type { ArticleRecord, Jump } from '../lib/types.ts';
import { itemTitle } from './format.ts';

/** A jump line of an item with the other half of the item, when that page is in the archive. */
export interface JumpLink {
  /** The jump as printed: `（下转第三版）`, `（上接第一版）`. */
  jump: Jump;
  /** The other half: its id, title and printed page; absent when that page is not in the archive. */
  target?: { id: string; title: string; page: string };
}

/** The items with jump lines, by issue date and printed page. */
export type JumpIndex = Map<string, ArticleRecord[]>;

/** The key of an issue's printed page. */
function pageKey(date: string, page: string): string {
  return `${date}|${page}`;
}

/** Indexes the items that carry jump lines by their issue date and page, once per build. */
export function jumpIndex(records: readonly ArticleRecord[]): JumpIndex {
  const index: JumpIndex = new Map();
  for (const record of records) {
    if (!record.jumps || record.issue.date === null || record.issue.page === undefined) continue;
    const key = pageKey(record.issue.date, record.issue.page);
    index.set(key, [...(index.get(key) ?? []), record]);
  }
  return index;
}

/**
 * The other half of an item continued across pages of one issue: on the page its jump names, the
 * item whose jump points back to this page (`下转第三版` ↔ `上接第一版`). When that page holds
 * several, the one with the same headline; undefined when none (or no single one) answers.
 */
function otherHalf(record: ArticleRecord, jump: Jump, index: JumpIndex): ArticleRecord | undefined {
  const { date, page } = record.issue;
  if (date === null || page === undefined) return undefined;
  const back = jump.direction === 'to' ? 'from' : 'to';
  const candidates = (index.get(pageKey(date, jump.page)) ?? []).filter(
    (other) => other.id !== record.id && other.jumps?.some((j) => j.direction === back && j.page === page),
  );
  if (candidates.length === 1) return candidates[0];
  const title = itemTitle(record);
  const same = candidates.filter((other) => itemTitle(other) === title);
  return same.length === 1 ? same[0] : undefined;
}

/** Each jump line of an item with the other half it leads to, if that half is in the archive. */
export function jumpLinks(record: ArticleRecord, index: JumpIndex): JumpLink[] {
  return (record.jumps ?? []).map((jump) => {
    const other = otherHalf(record, jump, index);
    return other
      ? { jump, target: { id: other.id, title: itemTitle(other), page: other.issue.page ?? jump.page } }
      : { jump };
  });
}
