/**
 * The pages of a day in history (`/on-this-day/MM-DD/`): every item printed on that calendar
 * day in any year, newest year first, in pages of at most `PAGE_SIZE` items, each page grouped
 * again by issue and printed page. A page grows with nothing but its own items, however many
 * years the archive holds.
 */
import type { PaginateFunction } from 'astro';
import { headlines as headlinesOf, pageLabel } from './format.ts';
import type { Headline, Issue } from './archive.ts';
import { PAGE_SIZE } from './pagination.ts';

/** One printed page's items on a page of the day in history. */
export interface DayPageGroup {
  /** The printed page's URL segment under its issue. */
  slug: string;
  /** Its name: `第03版 · 要闻`. */
  label: string;
  /** Its items on this page, in print order. */
  headlines: Headline[];
  /** The page's items began on the page before: its heading says it continues. */
  continued: boolean;
}

/** One year's issue on a page of the day in history. */
export interface DayIssueGroup {
  /** The issue date, yyyy-mm-dd. */
  date: string;
  /** Its printed pages with items on this page, in page order. */
  pages: DayPageGroup[];
  /** The issue's items began on the page before: its heading says it continues. */
  continued: boolean;
}

/** One page of a day in history: exactly what it renders besides the day itself. */
export interface DayHistoryPage {
  /** The issues of this page's items, newest first. */
  issues: DayIssueGroup[];
  /** The index of the page's first item among all of the day's items, from 0. */
  start: number;
  /** How many items were printed on that calendar day, in all years. */
  total: number;
  /** How many years' issues there are for that calendar day. */
  years: number;
  /** This page's number, from 1. */
  currentPage: number;
  /** The number of pages. */
  lastPage: number;
}

/** One item with the issue and printed page it sits on. */
export interface PlacedHeadline {
  /** The issue date. */
  date: string;
  /** The printed page's URL segment. */
  slug: string;
  /** The printed page's name. */
  label: string;
  /** The item. */
  headline: Headline;
}

/** The items of a calendar day's issues, newest issue first, in page and print order. */
export function placedHeadlines(issues: readonly Issue[]): PlacedHeadline[] {
  return issues.flatMap((issue) =>
    issue.pages.flatMap((page) => {
      const label = pageLabel(page);
      return headlinesOf(page).map((headline) => ({ date: issue.date, slug: page.slug, label, headline }));
    }),
  );
}

/**
 * Groups a run of items by issue and printed page; `before` is the item just before the run (on
 * the page before), so a group that began there is marked as continued.
 */
export function groupDayItems(items: readonly PlacedHeadline[], before: PlacedHeadline | undefined): DayIssueGroup[] {
  const issues: DayIssueGroup[] = [];
  let previous = before;
  for (const item of items) {
    let issue = issues.at(-1);
    if (issue?.date !== item.date) {
      issue = { date: item.date, pages: [], continued: previous?.date === item.date };
      issues.push(issue);
    }
    let page = issue.pages.at(-1);
    if (page?.slug !== item.slug) {
      page = {
        slug: item.slug,
        label: item.label,
        headlines: [],
        continued: previous?.date === item.date && previous.slug === item.slug,
      };
      issue.pages.push(page);
    }
    page.headlines.push(item.headline);
    previous = item;
  }
  return issues;
}

/**
 * The pages of one calendar day's history: `issues` (that day's issues, newest first) in pages of
 * `PAGE_SIZE` items by Astro's `paginate`, the first at the day's own URL (`params.page`
 * undefined), each page's props only what it shows.
 */
export function dayHistoryPages(monthDay: string, issues: readonly Issue[], paginate: PaginateFunction) {
  const items = placedHeadlines(issues);
  return paginate(items, { pageSize: PAGE_SIZE, params: { monthday: monthDay } }).map(({ params, props }) => {
    const { page } = props;
    return {
      params,
      props: {
        page: {
          issues: groupDayItems(page.data, items[page.start - 1]),
          start: page.start,
          total: page.total,
          years: issues.length,
          currentPage: page.currentPage,
          lastPage: page.lastPage,
        } satisfies DayHistoryPage,
      },
    };
  });
}
