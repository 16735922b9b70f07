/**
 * How the search index is split: one Pagefind bundle per year of the archive, so that indexing
 * memory is bounded by the largest year rather than the whole archive. An article page names
 * its bundle (`data-search-bundle`), the search page lists them all (`data-search-bundles`), and
 * the browser merges them with Pagefind's `mergeIndex`. No Astro import: the integration, the
 * pages and the tests share it.
 */

/** The bundle of items with no date. */
export const UNDATED_BUNDLE = 'undated';

/** The attribute by which a page names the bundle that indexes it. */
export const BUNDLE_ATTRIBUTE = 'data-search-bundle';

/** The bundle that indexes an item dated `date` (ISO `yyyy-mm-dd`, or null): its year. */
export function searchBundle(date: string | null): string {
  const year = date?.slice(0, 4);
  return year && /^\d{4}$/u.test(year) ? year : UNDATED_BUNDLE;
}

/** Bundles in the order the browser loads them: newest year first (the primary), undated last. */
export function orderBundles(bundles: Iterable<string>): string[] {
  const unique = [...new Set(bundles)];
  const years = unique.filter((bundle) => bundle !== UNDATED_BUNDLE).sort((a, b) => b.localeCompare(a));
  return unique.includes(UNDATED_BUNDLE) ? [...years, UNDATED_BUNDLE] : years;
}

/** The bundle a built HTML page names, or null when it names none. */
export function bundleOfHtml(html: string): string | null {
  const match = new RegExp(`\\s${BUNDLE_ATTRIBUTE}="([0-9a-z-]+)"`, 'u').exec(html);
  return match?.[1] ?? null;
}
