/**
 * The built pages of each search bundle: found by the month their HTML names, and fingerprinted
 * so an unchanged bundle can be reused.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePlan, monthOfHtml, UNDATED_BUNDLE } from '../site/search-bundles.ts';
import { listFiles, type FileState } from './file-fingerprint.ts';

/** The attribute that marks content to index, wherever it stands. */
const BODY_ATTRIBUTE = /\sdata-pagefind-body[\s=>]/gu;

/** The start of an element's tag. */
const TAG_START = /<[a-z]/u;

/**
 * Whether an element of `html` marks content to index: `data-pagefind-body` inside a start tag,
 * i.e. after a `<` and a letter with no `>` between (`/<[a-z][^>]*\sdata-pagefind-body[\s=>]/`,
 * found by the attribute first: scanning every tag for it was a quarter of the time spent finding the
 * bundles at 100,000 articles).
 */
export function marksBody(html: string): boolean {
  BODY_ATTRIBUTE.lastIndex = 0;
  for (let found = BODY_ATTRIBUTE.exec(html); found; found = BODY_ATTRIBUTE.exec(html)) {
    const tag = html.slice(html.lastIndexOf('>', found.index) + 1, found.index);
    if (TAG_START.test(tag)) return true;
  }
  return false;
}

/** A reference to a built asset: `src="/_astro/…"` or `href="/base/_astro/…"`. */
const ASSET_URL = /(?:src|href)="[^"]*\/_astro\/[^"]*"/gu;

/** The pages of one bundle. */
export interface BundlePages {
  /** The bundle's name: a year, a part of one, a month, or `undated` (see src/site/search-bundles.ts). */
  name: string;
  /** The HTML files, relative to the site, in path order. */
  pages: string[];
  /** SHA-256 of `salt` and every page's path and text (built asset names left out): equal digests index to equal bundles. */
  digest: string;
}

/** The bundles of a site and how many HTML files were read to find them. */
export interface SiteBundles {
  /** HTML files found. */
  read: number;
  /** HTML files whose bytes were read (the others were known by size and modification time). */
  opened: number;
  /** The bundles, in the order the browser loads them (newest first). */
  bundles: BundlePages[];
  /** What is known of every HTML file now, for the next build. */
  known: KnownPages;
}

/** What a build learnt of each HTML file: by path, its size, modification time, month (null: not indexed) and text digest. */
export type KnownPages = Record<string, [size: number, mtimeMs: number, month: string | null, digest: string]>;

/**
 * The HTML files of the site that mark content to index (`data-pagefind-body`), grouped into the
 * bundles that `bundlePlan` makes of the months they name (`data-search-month`; a page that names
 * none is undated), as the search page makes them of the records' dates. The folder `skip` (the
 * bundles' own) and hidden folders are left out. `salt` enters every digest: whatever else
 * decides the index, such as Pagefind's version and options. A file `known` from an earlier build
 * with the same size and modification time is not read again. `surveyed` is the site's files as
 * a step just before found them (path, size, modification time), so that the folder is not
 * walked again; without it the folder is walked.
 */
export function findBundles(
  site: string,
  skip: string,
  salt: string,
  known: KnownPages = {},
  surveyed?: readonly FileState[],
): SiteBundles {
  const isPage = (relative: string) =>
    relative.endsWith('.html') && !relative.startsWith('.') && !relative.startsWith(`${skip}/`);
  const files: Pick<FileState, 'path' | 'size' | 'mtimeMs'>[] = surveyed
    ? surveyed.filter(({ path }) => isPage(path))
    : listFiles(site, (folder) => folder === skip || folder.startsWith('.'))
        .filter(isPage)
        .map((path) => {
          const { size, mtimeMs } = statSync(join(site, path));
          return { path, size, mtimeMs };
        });
  const now: KnownPages = {};
  let opened = 0;
  /** The pages to index, in the order found: path, month, text digest. */
  const indexed: [relative: string, month: string, digest: string][] = [];
  for (const { path: relative, size, mtimeMs } of files) {
    const path = join(site, relative);
    let entry = known[relative];
    if (entry?.[0] !== size || entry[1] !== mtimeMs) {
      const html = readFileSync(path, 'utf8');
      opened += 1;
      // Built asset names (`/_astro/Base.1a2b3c.css`) change with any style or script edit but are
      // nothing Pagefind indexes: leave them out, so such an edit re-indexes nothing.
      entry = [
        size,
        mtimeMs,
        marksBody(html) ? (monthOfHtml(html) ?? UNDATED_BUNDLE) : null,
        createHash('sha256').update(html.replace(ASSET_URL, '')).digest('hex'),
      ];
    }
    now[relative] = entry;
    if (entry[2] !== null) indexed.push([relative, entry[2], entry[3]]);
  }
  const plan = bundlePlan(indexed.map(([, month]) => month));
  const found = new Map<string, BundlePages & { hash: ReturnType<typeof createHash> }>();
  for (const [relative, month, digest] of indexed) {
    const name = plan.bundleOf(month);
    let bundle = found.get(name);
    if (!bundle) {
      bundle = { name, pages: [], digest: '', hash: createHash('sha256').update(`${salt}\0`) };
      found.set(name, bundle);
    }
    bundle.pages.push(relative);
    bundle.hash.update(`${relative}\0${digest}\0`);
  }
  const bundles = plan.bundles.flatMap((name) => {
    const bundle = found.get(name);
    return bundle ? [{ name, pages: bundle.pages, digest: bundle.hash.digest('hex') }] : [];
  });
  return { read: files.length, opened, bundles, known: now };
}
