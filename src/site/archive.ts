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

/** Values grouped by the month (`yyyy-mm`) of their date, newest month first, each in the given order; undated values are left out. */
export function byMonth<T>(values: readonly T[], dateOf: (value: T) => string | null): Map<string, T[]> {
  const months = groupBy(values, (value) => {
    const date = dateOf(value);
    return date ? [monthOf(date)] : [];
  });
  return new Map([...months.entries()].sort(([a], [b]) => b.localeCompare(a)));
}

/** A printed page placed in its issue: its page number, URL segment and neighbours' order. */
export interface IssuePage extends PrintedPage {
  /** The issue date the page is filed under (the day the paper was printed). */
  date: string;
  /** The page number as shown: `03` or `A05`. */
  number: string;
  /** The page's URL segment under its issue: `03`, `a05`, or `03-2` for a second page printed as 03. */
  slug: string;
  /** True when the source named no page, so the number was given in file-name order after the numbered pages. */
  assigned: boolean;
}

/** One day's issue: the printed pages filed under that day, in page order. */
export interface Issue {
  /** The issue date, ISO yyyy-mm-dd. */
  date: string;
  /** The pages, in page order. */
  pages: IssuePage[];
}

/** A printed page number as shown: `3` → `03`, `a5` → `A05`, `A05` stays. */
export function pageNumber(page: string): string {
  const match = /^([A-Za-z]*)0*(\d+)$/u.exec(page.trim());
  if (!match) return page.trim();
  return `${(match[1] ?? '').toUpperCase()}${(match[2] ?? '').padStart(2, '0')}`;
}

/** A page number made safe for a URL segment: `A05` → `a05`, anything else reduced to `[a-z0-9-]`. */
function numberSlug(number: string): string {
  return (
    number
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-|-$/gu, '') || 'page'
  );
}

/** Page order: the section letter, then the number; unnumbered pages after the numbered, by file name. */
function comparePages(a: PrintedPage, b: PrintedPage): number {
  if (a.page !== undefined && b.page !== undefined) {
    const byNumber = pageNumber(a.page).localeCompare(pageNumber(b.page), 'en', { numeric: true });
    if (byNumber !== 0) return byNumber;
  } else if (a.page !== undefined || b.page !== undefined) {
    return a.page === undefined ? 1 : -1;
  }
  return a.seed.localeCompare(b.seed, 'en', { numeric: true }) || a.seedId.localeCompare(b.seedId);
}

/**
 * The archive's issues, newest first: every dated printed page filed under its issue date
 * (`issue.date`, else the newest dateline of its items), in page order. A page with no number gets
 * the next number after the issue's numbered pages; two pages printed with the same number keep it
 * and the second gets the URL segment `NN-2`.
 */
export function issuesOf(records: readonly ArticleRecord[]): Issue[] {
  const byDate = new Map<string, PrintedPage[]>();
  for (const page of printedPages(records)) {
    if (!page.date) continue;
    const pages = byDate.get(page.date) ?? [];
    pages.push(page);
    byDate.set(page.date, pages);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([date, pages]) => {
      const sorted = [...pages].sort(comparePages);
      const highest = sorted.reduce((max, p) => {
        const digits = p.page === undefined ? undefined : /(\d+)$/u.exec(p.page)?.[1];
        return digits === undefined || /[A-Za-z]/u.test(p.page ?? '') ? max : Math.max(max, Number(digits));
      }, 0);
      let next = highest;
      const taken = new Set<string>();
      const placed = sorted.map((page): IssuePage => {
        const assigned = page.page === undefined;
        const number = assigned ? pageNumber(String((next += 1))) : pageNumber(page.page ?? '');
        const base = numberSlug(number);
        let slug = base;
        for (let k = 2; taken.has(slug); k += 1) slug = `${base}-${k}`;
        taken.add(slug);
        return { ...page, date, number, slug, assigned };
      });
      return { date, pages: placed };
    });
}

/** The entries before and after `index` in `list` (either absent at the ends). */
export function neighbours<T>(list: readonly T[], index: number): { previous: T | undefined; next: T | undefined } {
  return { previous: index > 0 ? list[index - 1] : undefined, next: list[index + 1] };
}

/** One cell of a month calendar: a day of the month (with its issue, if any) or a blank. */
export interface CalendarDay {
  /** Day of the month, 1–31; null for the blanks before the 1st and after the last day. */
  day: number | null;
  /** ISO date of the day; null for a blank. */
  date: string | null;
  /** Whether an issue was printed that day. */
  hasIssue: boolean;
}

/** A Monday-first calendar of `yyyy-mm` as weeks of seven cells, marking the days in `issueDates`. */
export function monthCalendar(month: string, issueDates: ReadonlySet<string>): CalendarDay[][] {
  const year = Number(month.slice(0, 4));
  const monthIndex = Number(month.slice(5, 7)) - 1;
  const first = new Date(Date.UTC(year, monthIndex, 1));
  const length = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const blank: CalendarDay = { day: null, date: null, hasIssue: false };
  const cells: CalendarDay[] = Array.from({ length: (first.getUTCDay() + 6) % 7 }, () => blank);
  for (let day = 1; day <= length; day += 1) {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    cells.push({ day, date, hasIssue: issueDates.has(date) });
  }
  while (cells.length % 7 !== 0) cells.push(blank);
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** What a month of issues sums to: its issue days and their page and item counts. */
export interface MonthSummary {
  /** `yyyy-mm`. */
  month: string;
  /** The month's issues, oldest first, each with its page and item counts. */
  days: { date: string; pages: number; items: number }[];
}

/** The months that have issues, newest first, each with its issue days oldest first. */
export function issueMonths(issues: readonly Issue[]): MonthSummary[] {
  const oldestFirst = [...issues].sort((a, b) => a.date.localeCompare(b.date));
  return [...byMonth(oldestFirst, (issue) => issue.date)].map(([month, days]) => ({
    month,
    days: days.map((issue) => ({
      date: issue.date,
      pages: issue.pages.length,
      items: issue.pages.reduce((sum, page) => sum + page.items.length, 0),
    })),
  }));
}

/** `mm-dd` of a date: the key of its 历史上的今天 page. */
export function monthDayOf(date: string): string {
  return date.slice(5, 10);
}

/** The issues printed on each calendar day `mm-dd`, newest year first; keys sorted. */
export function issuesByMonthDay(issues: readonly Issue[]): Map<string, Issue[]> {
  const days = groupBy(issues, (issue) => [monthDayOf(issue.date)]);
  for (const list of days.values()) list.sort((a, b) => b.date.localeCompare(a.date));
  return new Map([...days.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Where each dated printed page sits, by seed id: its issue and its index among the issue's pages. */
export function pagePlaces(issues: readonly Issue[]): Map<string, { issue: Issue; index: number }> {
  const places = new Map<string, { issue: Issue; index: number }>();
  for (const issue of issues) issue.pages.forEach((page, index) => places.set(page.seedId, { issue, index }));
  return places;
}

/** An item as a headline list shows it: its id, title and kind. */
export interface Headline {
  /** The item's id. */
  id: string;
  /** What a reader sees as its title. */
  title: string;
  /** Article or photo. */
  kind: ArticleRecord['kind'];
}

/** A month calendar of issue days with the nearest months before and after that have issues. */
export interface IssueCalendarData {
  /** The month shown, `yyyy-mm`. */
  month: string;
  /** Its weeks, Monday first. */
  weeks: CalendarDay[][];
  /** The nearest earlier month with issues. */
  previousMonth: string | undefined;
  /** The nearest later month with issues. */
  nextMonth: string | undefined;
}

/** The issue dates of an archive grouped by month, newest first, once per array of dates. */
const calendarMonths = new WeakMap<readonly string[], Map<string, string[]>>();

/**
 * The calendar of `month` given every issue date of the archive. Every issue page asks with
 * the same dates, so they are grouped once per array, not once per page.
 */
export function issueCalendar(month: string, issueDates: readonly string[]): IssueCalendarData {
  let months = calendarMonths.get(issueDates);
  if (!months) {
    months = byMonth(issueDates, (date) => date);
    calendarMonths.set(issueDates, months);
  }
  const newestFirst = [...months.keys()];
  return {
    month,
    weeks: monthCalendar(month, new Set(months.get(month))),
    previousMonth: newestFirst.find((m) => m < month),
    nextMonth: newestFirst.filter((m) => m > month).at(-1),
  };
}
