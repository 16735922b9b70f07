/** The site's base path (`/` or `/repo/`), from Astro's configuration. */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A site path under the base: `href('articles/x/')` → `/base/articles/x/`. */
export function href(path = ''): string {
  return `${BASE}${path.replace(/^\//u, '')}`;
}

/** The page of one item. */
export function articleHref(id: string): string {
  return href(`articles/${id}/`);
}

/** One printed page (one seed). */
export function pageHref(seedId: string): string {
  return href(`pages/${seedId}/`);
}

/** `n/` for page `n` of a paginated list, nothing for the first page (which keeps the list's own URL). */
function pageSuffix(page: number): string {
  return page > 1 ? `${page}/` : '';
}

/** A reporter's page, or page `page` of their items; the name is percent-encoded. */
export function reporterHref(name: string, page = 1): string {
  return href(`reporters/${encodeURIComponent(name)}/${pageSuffix(page)}`);
}

/** A place's page, or page `page` of its items; the place is percent-encoded. */
export function placeHref(place: string, page = 1): string {
  return href(`places/${encodeURIComponent(place)}/${pageSuffix(page)}`);
}

/** The names under one pinyin initial of the reporter or place index (`w`, `other`), or page `page` of them. */
export function initialHref(index: 'reporters' | 'places', slug: string, page = 1): string {
  return href(`${index}/initials/${slug}/${pageSuffix(page)}`);
}

/** A column's page (栏目), or page `page` of its items; the column is percent-encoded. */
export function columnHref(column: string, page = 1): string {
  return href(`columns/${encodeURIComponent(column)}/${pageSuffix(page)}`);
}

/** A month of the archive. */
export function monthHref(year: string, month: string): string {
  return href(`archive/${year}/${month}/`);
}

/** `2026-04-01` → `2026/04/01`. */
function datePath(date: string): string {
  return date.slice(0, 10).replaceAll('-', '/');
}

/** The issue printed on `date` (ISO yyyy-mm-dd): `/2026/04/01/`. */
export function issueHref(date: string): string {
  return href(`${datePath(date)}/`);
}

/** A printed page of an issue, by its issue date and URL segment: `/2026/04/01/03/`. */
export function printedPageHref(date: string, slug: string): string {
  return href(`${datePath(date)}/${slug}/`);
}

/** The 历史上的今天 page of a calendar day `mm-dd` (`/on-this-day/04-01/`), or page `page` of its items. */
export function onThisDayHref(monthDay: string, page = 1): string {
  return href(`on-this-day/${monthDay}/${pageSuffix(page)}`);
}
