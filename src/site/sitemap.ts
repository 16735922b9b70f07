/**
 * What the sitemap says of each built page: whether it is listed, and its `lastmod`. Decided
 * from the built pages alone (never the build's clock), so the same seeds give the same bytes.
 *
 * The rules, in order (README, "Sitemap"):
 * 1. a page marked `noindex` (the 404 page, the redirect pages at old URLs) is not listed;
 * 2. an article page: the date it states as `DC.date` (its issue's date, else its own date);
 * 3. an issue or a printed page (`/yyyy/mm/dd/…`): the issue's date;
 * 4. a top-level page (home, dates, columns, reporters, places, search) covers the whole
 *    archive: the newest date of rules 2 and 3;
 * 5. any other page (a month, a day in history, a page of a reporter's, a place's or a column's
 *    items, an undated printed page): the newest date of the article and issue pages its
 *    `<main>` links to; none when it links to nothing dated.
 */

/** What the sitemap needs to know of one built page. */
export interface PageFacts {
  /** The page's path under the site's base, without a leading slash: `articles/x/`, `` for home. */
  path: string;
  /** The page asks search engines not to index it. */
  noindex: boolean;
  /** The date it states in `DC.date`, yyyy-mm-dd. */
  stated?: string | undefined;
  /** The paths (under the base, no leading slash) its `<main>` links to, for rule 5. */
  links: () => string[];
}

/** `2026/04/01/03/` → `2026-04-01`: the date of an issue path, if it is one. */
export function issuePathDate(path: string): string | undefined {
  const match = /^(\d{4})\/(\d{2})\/(\d{2})\//u.exec(path);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** A page at the top of the site (`` or `archive/`), which lists or searches the whole archive. */
function isTopLevel(path: string): boolean {
  return /^[^/]*\/?$/u.test(path);
}

/** The later of two ISO dates. */
function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a > b ? a : b;
}

/**
 * Each listed page's `lastmod` (yyyy-mm-dd, or undefined when nothing on it is dated), by the
 * rules above; pages left out of the sitemap are absent from the map.
 */
export function sitemapDates(pages: readonly PageFacts[]): Map<string, string | undefined> {
  const listed = pages.filter((page) => !page.noindex);
  const known = new Map<string, string>();
  for (const page of listed) {
    const date = page.stated ?? issuePathDate(page.path);
    if (date) known.set(page.path, date);
  }
  let newest: string | undefined;
  for (const date of known.values()) newest = later(newest, date);
  const dates = new Map<string, string | undefined>();
  for (const page of listed) {
    if (known.has(page.path)) dates.set(page.path, known.get(page.path));
    else if (isTopLevel(page.path)) dates.set(page.path, newest);
    else
      dates.set(
        page.path,
        page.links().reduce<string | undefined>((max, link) => later(max, known.get(link)), undefined),
      );
  }
  return dates;
}

/** A site path with each segment percent-decoded, so `reporters/%E8%83%A1/` and `reporters/胡/` are one key. */
export function sitePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** The attributes `headFacts` reads, each with the expression that finds it in a tag (made once: a build reads every page's head). */
const ATTRIBUTES = { name: /\sname="([^"]*)"/u, content: /\scontent="([^"]*)"/u } as const;

/** The value of one attribute in a tag's text, entity-decoded for the few entities a date or path may carry. */
function attribute(tag: string, name: keyof typeof ATTRIBUTES): string | undefined {
  return ATTRIBUTES[name].exec(tag)?.[1]?.replaceAll('&amp;', '&');
}

/** Whether a page's `<head>` asks not to be indexed, and the date it states as `DC.date`. */
export function headFacts(head: string): { noindex: boolean; stated: string | undefined } {
  let noindex = false;
  let stated: string | undefined;
  for (const [tag] of head.matchAll(/<meta\s[^>]*>/gu)) {
    const name = attribute(tag, 'name');
    const content = attribute(tag, 'content');
    if (name === 'robots' && content?.split(',').some((v) => v.trim() === 'noindex')) noindex = true;
    if (name === 'DC.date' && content && /^\d{4}-\d\d-\d\d$/u.test(content)) stated = content;
  }
  return { noindex, stated };
}

/** The site paths (under `basePath`, e.g. `/` or `/repo/`) that a page's `<main>` links to. */
export function mainLinks(html: string, basePath: string): string[] {
  const start = html.indexOf('<main');
  const end = html.indexOf('</main>', start);
  if (start < 0 || end < 0) return [];
  const links: string[] = [];
  for (const [, value] of html.slice(start, end).matchAll(/\shref="([^"]*)"/gu)) {
    const target = value?.replaceAll('&amp;', '&').replace(/[?#].*$/u, '');
    if (target?.startsWith(basePath)) links.push(sitePath(target.slice(basePath.length)));
  }
  return links;
}
