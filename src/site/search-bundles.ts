/**
 * How the search index is split into Pagefind bundles, so that indexing memory is bounded by a
 * year and a new day re-indexes a small bundle: every year is a bundle (`2025`), except the
 * archive's open period, the month of its newest item, which is a bundle of its own (`2026-11`).
 * Adding days to that month re-indexes only that month; when a newer month arrives, the closed
 * month's pages join their year's bundle (re-indexed once). An article page names its bundle
 * (`data-search-bundle`), the search page lists them all (`data-search-bundles`, from
 * `searchBundles`), and the browser merges them with Pagefind's `mergeIndex`. No Astro import:
 * the integration, the pages and the tests share it.
 */

/** The bundle of items with no date. */
export const UNDATED_BUNDLE = 'undated';

/** The attribute by which a page names the bundle that indexes it (written by src/pages/articles/[id].astro). */
const BUNDLE_ATTRIBUTE = 'data-search-bundle';

/** `yyyy-mm-dd` → `yyyy-mm`, or null when `date` is not an ISO date. */
function monthOfDate(date: string | null): string | null {
  return date && /^\d{4}-\d{2}/u.test(date) ? date.slice(0, 7) : null;
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

/**
 * The bundle that indexes an item dated `date` (ISO `yyyy-mm-dd`, or null) when the archive's
 * open period is `open`: the open month's own bundle, else the item's year, else the undated one.
 */
export function searchBundle(date: string | null, open: string | null): string {
  const month = monthOfDate(date);
  if (!month) return UNDATED_BUNDLE;
  return month === open ? month : month.slice(0, 4);
}

/** Bundles in the order the browser loads them: newest first (the open month before its year), undated last. */
export function orderBundles(bundles: Iterable<string>): string[] {
  const unique = [...new Set(bundles)];
  const dated = unique.filter((bundle) => bundle !== UNDATED_BUNDLE).sort((a, b) => b.localeCompare(a));
  return unique.includes(UNDATED_BUNDLE) ? [...dated, UNDATED_BUNDLE] : dated;
}

/** Every bundle of an archive whose items have these dates, in the order the browser loads them. */
export function searchBundles(dates: readonly (string | null)[]): string[] {
  const open = openPeriod(dates);
  return orderBundles(dates.map((date) => searchBundle(date, open)));
}

/** The bundle a built HTML page names, or null when it names none. */
export function bundleOfHtml(html: string): string | null {
  const match = new RegExp(`\\s${BUNDLE_ATTRIBUTE}="([0-9a-z-]+)"`, 'u').exec(html);
  return match?.[1] ?? null;
}
