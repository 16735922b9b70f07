/**
 * The indexes of names (记者 `/reporters/`, 地点 `/places/`) by the pinyin initial of each name.
 * While the index holds at most `INDEX_NAMES` names it is one page, its names under their
 * initials; past that, the index page lists the initials and each initial has pages of its own
 * (`/reporters/initials/w/`, then `/reporters/initials/w/2/` …, `INDEX_NAMES` names a page), so
 * no page grows with the number of names.
 */
import type { PaginateFunction } from 'astro';
import { pinyin } from 'pinyin-pro';
import type { ArticleRecord } from '../lib/types.ts';
import { groupBy } from './archive.ts';

/** Names on one index page: about 100 bytes of HTML a name, so about 100 kB. */
export const INDEX_NAMES = 1000;

/** The initial of names that start with no Latin letter and no Chinese character. */
export const OTHER_INITIAL = '#';

/** What the names are: a person's name reads its surname as one (曾 zēng, 单 shàn), a place's as any word. */
export type NameKind = 'person' | 'place';

/** One name of an index with how many items it has. */
export interface IndexEntry {
  /** The name. */
  name: string;
  /** How many items name it. */
  count: number;
}

/** The names under one initial. */
export interface InitialGroup {
  /** `A`–`Z`, or `OTHER_INITIAL`. */
  initial: string;
  /** The names, in the index's order. */
  entries: IndexEntry[];
}

/** One page of the names under an initial: exactly what it renders. */
export interface InitialPage {
  /** The initial. */
  initial: string;
  /** This page's names. */
  entries: IndexEntry[];
  /** How many names the initial has. */
  total: number;
  /** This page's number, from 1. */
  currentPage: number;
  /** The number of pages. */
  lastPage: number;
}

/** The pinyin initial of `name` (`王隼` → `W`, `曾毅` → `Z`, `重庆` → `C`), `A`–`Z` or `OTHER_INITIAL`. */
export function initialOf(name: string, kind: NameKind): string {
  const [first = ''] = pinyin(name.trim(), {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    ...(kind === 'person' ? { surname: 'head' } : {}),
  });
  const letter = first.toUpperCase();
  return /^[A-Z]$/u.test(letter) ? letter : OTHER_INITIAL;
}

/** The URL segment of an initial: `w`, or `other`. */
export function initialSlug(initial: string): string {
  return initial === OTHER_INITIAL ? 'other' : initial.toLowerCase();
}

/** How an initial is shown: `W`, or `其他`. */
export function initialLabel(initial: string): string {
  return initial === OTHER_INITIAL ? '其他' : initial;
}

/**
 * The names of `groups` (name → its items, in the index's order) under their initials, `A`–`Z`
 * then `OTHER_INITIAL`; each initial's names keep the index's order.
 */
export function byInitial(groups: ReadonlyMap<string, readonly unknown[]>, kind: NameKind): InitialGroup[] {
  const found = new Map<string, IndexEntry[]>();
  for (const [name, items] of groups) {
    const initial = initialOf(name, kind);
    const entries = found.get(initial) ?? [];
    entries.push({ name, count: items.length });
    found.set(initial, entries);
  }
  return [...found.entries()]
    .sort(([a], [b]) => (a === OTHER_INITIAL ? 1 : b === OTHER_INITIAL ? -1 : a.localeCompare(b)))
    .map(([initial, entries]) => ({ initial, entries }));
}

/** Whether an index of `names` names is split into pages by initial. */
export function splitByInitial(names: number): boolean {
  return names > INDEX_NAMES;
}

/**
 * The `getStaticPaths()` entries (to key with `keyed`) of an initial's pages
 * (`initials/[initial]/[...page]`) in the index of the names `keysOf` gives each record; none
 * while the index is one page. Each initial's names come in pages of `INDEX_NAMES`, the first at
 * the initial's own URL; a page's props are only what it shows (its names, and the initials for
 * the navigation).
 */
export function initialPaths(
  records: readonly ArticleRecord[],
  keysOf: (record: ArticleRecord) => readonly string[],
  kind: NameKind,
  paginate: PaginateFunction,
) {
  const named = groupBy(records, keysOf);
  if (!splitByInitial(named.size)) return [];
  const groups = byInitial(named, kind);
  const initials = groups.map(({ initial }) => initial);
  return groups.flatMap(({ initial, entries }) =>
    paginate(entries, { pageSize: INDEX_NAMES, params: { initial: initialSlug(initial) } }).map(
      ({ params, props: { page } }) => ({
        params,
        props: {
          page: {
            initial,
            entries: page.data,
            total: page.total,
            currentPage: page.currentPage,
            lastPage: page.lastPage,
          } satisfies InitialPage,
          initials,
        },
      }),
    ),
  );
}
