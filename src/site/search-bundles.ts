/**
 * How the search index is split into Pagefind bundles, so that indexing memory is bounded and a
 * new day re-indexes a small bundle. Every year is a bundle (`2025`); a year with more than
 * `BUNDLE_ITEMS` items is split into halves (`2025-h1`), else quarters (`2025-q3`), else months
 * (`2025-07`), the first split that keeps every part within the limit, so no Pagefind process
 * indexes more than that many pages however dense the paper.
 *
 * The part of the split that holds the archive's open period (the month of its newest item) is
 * not one bundle yet: its open month is a bundle of its own (`2026-11`), so adding days re-indexes
 * only that month; its closed months are bundles of their own until their quarter closes
 * (`2026-10`), and its closed quarters until the part closes (`2026-q3`). When a new month
 * begins, the month that closes keeps its bundle and its name, and nothing older is indexed
 * again; when a new quarter begins, the closed quarter's months are indexed again as one bundle;
 * when the part closes, its quarters are. So a month's first day indexes nothing older than the
 * month that closes, and the larger merges come once a quarter and once a part, at the price of
 * more bundles for the browser to merge: the open part is at most six (three quarters, two
 * months and the open month) where it would be two (the part and the open month).
 *
 * An article page names its month (`data-search-month`), which never changes, not its bundle,
 * which does when periods merge: so a merge indexes pages again but renders none. The Pagefind
 * integration makes the same plan from the months of the pages it finds, the search page from
 * the records' dates, and lists the bundles (`data-search-bundles`) that the browser merges
 * with Pagefind's `mergeIndex`. The phrase index is cut into the same periods
 * (src/search/phrase-build.ts). No Astro import: the integration, the pages, the phrase index and
 * the tests share it.
 */

/** The bundle of items with no date. */
export const UNDATED_BUNDLE = 'undated';

/** The attribute by which a page names the month (or `undated`) that decides its bundle (written by src/pages/articles/[id].astro). */
const MONTH_ATTRIBUTE = 'data-search-month';

/** The month attribute and its value in a built page. */
const MONTH_IN_HTML = new RegExp(`\\s${MONTH_ATTRIBUTE}="([0-9a-z-]+)"`, 'u');

/**
 * The most items one bundle indexes. Pagefind holds about 0.25 MB a page while it indexes
 * (docs/scale.md), so a bundle at the limit costs about 2.5 GB beside the Astro process.
 */
export const BUNDLE_ITEMS = 10_000;

/** A way to split a year into bundles. */
interface Split {
  /** How many parts. */
  parts: number;
  /** The name of part `n` (1-based) of `year`. */
  name: (year: string, n: number) => string;
}

/** A year whole. */
const WHOLE: Split = { parts: 1, name: (year) => year };

/** A year by months, the finest split. */
const MONTHLY: Split = { parts: 12, name: (year, n) => `${year}-${String(n).padStart(2, '0')}` };

/** The splits of a year, coarsest first. */
const SPLITS: readonly Split[] = [
  WHOLE,
  { parts: 2, name: (year, n) => `${year}-h${String(n)}` },
  { parts: 4, name: (year, n) => `${year}-q${String(n)}` },
  MONTHLY,
];

/** `yyyy-mm-dd` → `yyyy-mm`, or null when `date` is not an ISO date. */
function monthOfDate(date: string | null): string | null {
  return date && /^\d{4}-\d{2}/u.test(date) ? date.slice(0, 7) : null;
}

/** What an article page names in `data-search-month`: the month (`yyyy-mm`) of `date`, or `undated`. */
export function searchMonth(date: string | null): string {
  return monthOfDate(date) ?? UNDATED_BUNDLE;
}

/** The archive's open period: the month (`yyyy-mm`) of its newest dated item, or null when none is dated. */
export function openPeriod(dates: Iterable<string | null>): string | null {
  let newest: string | null = null;
  for (const date of dates) {
    const month = monthOfDate(date);
    if (month && (!newest || month > newest)) newest = month;
  }
  return newest;
}

/** The bundles of an archive and the bundle of each of its dates. */
export interface BundlePlan {
  /** The bundle that indexes an item dated `date` (ISO `yyyy-mm-dd`, its month `yyyy-mm`, or null). */
  bundleOf: (date: string | null) => string;
  /** Every bundle, in the order the browser loads them. */
  bundles: string[];
}

/** The quarter (1–4) of a month `yyyy-mm`. */
function quarterOf(month: string): number {
  return Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
}

/**
 * The bundles of an archive whose items have these dates: the open month on its own, the other
 * months of its part of the year by closed quarter and closed month, every other dated item in
 * its year's bundle (or its part of the year, when the year holds more than `maxItems` items),
 * undated items in the undated bundle.
 */
export function bundlePlan(dates: readonly (string | null)[], maxItems: number = BUNDLE_ITEMS): BundlePlan {
  const open = openPeriod(dates);
  /** Items per month (1–12) of each year, the open month left out. */
  const months = new Map<string, number[]>();
  for (const date of dates) {
    const month = monthOfDate(date);
    if (!month || month === open) continue;
    const year = month.slice(0, 4);
    const counts = months.get(year) ?? new Array<number>(12).fill(0);
    const index = Number(month.slice(5, 7)) - 1;
    counts[index] = (counts[index] ?? 0) + 1;
    months.set(year, counts);
  }
  const splits = new Map<string, Split>();
  for (const [year, counts] of months) {
    const fits = SPLITS.find(({ parts }) => {
      const size = 12 / parts;
      return Array.from({ length: parts }, (_, n) =>
        counts.slice(n * size, (n + 1) * size).reduce((sum, count) => sum + count, 0),
      ).every((items) => items <= maxItems);
    });
    splits.set(year, fits ?? MONTHLY);
  }
  /** The part of its year's split that a month `yyyy-mm` falls in: its name (`2025`, `2025-h2`, …) and the split. */
  const partOf = (month: string): { name: string; split: Split } => {
    const year = month.slice(0, 4);
    const split = splits.get(year) ?? WHOLE;
    return { name: split.name(year, Math.floor((Number(month.slice(5, 7)) - 1) / (12 / split.parts)) + 1), split };
  };
  /** The part that holds the open month: not one bundle until it closes. */
  const openPart = open ? partOf(open).name : null;
  const bundleOf = (date: string | null): string => {
    const month = monthOfDate(date);
    if (!month) return UNDATED_BUNDLE;
    if (month === open) return month;
    const { name, split } = partOf(month);
    if (open && name === openPart) {
      // The open part: a closed quarter of it is a bundle of its own, a closed month of the open quarter too.
      const quarter = quarterOf(month);
      return split.parts < 4 && quarter !== quarterOf(open) ? `${month.slice(0, 4)}-q${String(quarter)}` : month;
    }
    return name;
  };
  return { bundleOf, bundles: orderBundles(dates.map(bundleOf)) };
}

/** The first and last month (`yyyy-mm`) a bundle may hold, or null for the undated bundle and unknown names. */
function monthsOf(bundle: string): [first: string, last: string] | null {
  const match = /^(\d{4})(?:-(?:(h)([12])|(q)([1-4])|(\d{2})))?$/u.exec(bundle);
  if (!match) return null;
  const [, year = '', , half, , quarter, month] = match;
  const at = (n: number) => `${year}-${String(n).padStart(2, '0')}`;
  if (half) return [at(Number(half) * 6 - 5), at(Number(half) * 6)];
  if (quarter) return [at(Number(quarter) * 3 - 2), at(Number(quarter) * 3)];
  if (month) return [at(Number(month)), at(Number(month))];
  return [at(1), at(12)];
}

/**
 * Bundles in the order the browser loads them: newest first (by the first month a bundle may
 * hold, so the open month comes before the rest of its year), undated and unknown names last.
 */
export function orderBundles(bundles: Iterable<string>): string[] {
  const unique = [...new Set(bundles)];
  const dated = unique.flatMap((bundle) => {
    const months = monthsOf(bundle);
    return months ? [{ bundle, months }] : [];
  });
  dated.sort((a, b) => b.months[0].localeCompare(a.months[0]) || a.months[1].localeCompare(b.months[1]));
  const rest = unique.filter((bundle) => !monthsOf(bundle)).sort();
  return [...dated.map(({ bundle }) => bundle), ...rest];
}

/** Every bundle of an archive whose items have these dates, in the order the browser loads them. */
export function searchBundles(dates: readonly (string | null)[]): string[] {
  return bundlePlan(dates).bundles;
}

/** The month (or `undated`) a built HTML page names, or null when it names none. */
export function monthOfHtml(html: string): string | null {
  const match = MONTH_IN_HTML.exec(html);
  return match?.[1] ?? null;
}
