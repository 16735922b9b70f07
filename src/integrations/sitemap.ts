import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headFacts, mainLinks, sitemapDates, sitePath, type PageFacts } from '../site/sitemap.ts';
import { readCacheRecord, writeCacheRecord } from './cache-record.ts';
import type { FileState } from './file-fingerprint.ts';

/**
 * URLs per sitemap file. The protocol allows 50,000 URLs and 50 MB per file; an entry here is
 * 110–150 bytes (300 at most), so 45,000 keeps a file under 14 MB. Past it, `sitemap-index.xml`
 * lists `sitemap-0.xml`, `sitemap-1.xml`, ….
 */
export const SITEMAP_ENTRY_LIMIT = 45_000;

/** The files the sitemap writes at the top of the output folder: `sitemap-index.xml`, `sitemap-0.xml`, …. */
export const SITEMAP_FILES = /^sitemap-(?:index|\d+)\.xml$/u;

/** The sitemap protocol's namespace. */
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** The XML declaration every file starts with. */
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** XML's five special characters and their entities. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };

/** `text` as XML character data. */
function xmlText(text: string): string {
  return text.replace(/[&<>'"]/gu, (char) => ENTITIES[char] ?? char);
}

/** One URL of the sitemap. */
export interface SitemapEntry {
  /** The page's absolute URL. */
  url: string;
  /** When it last changed, as an ISO 8601 instant. */
  lastmod?: string | undefined;
}

/** A `<loc>` and, when known, a `<lastmod>`. */
function located({ url, lastmod }: SitemapEntry): string {
  return `<loc>${xmlText(url)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}`;
}

/**
 * Writes `entries` into `out` as `sitemap-0.xml`, `sitemap-1.xml`, … of `limit` URLs each, in the
 * order of their URLs (numbers by value: `/2/` before `/10/`), and `sitemap-index.xml` listing
 * those files (under `base`, an absolute URL ending in `/`), each dated by its newest entry.
 * Returns the names of the files it wrote, the index last.
 */
export function writeSitemaps(out: string, base: string, entries: readonly SitemapEntry[], limit: number): string[] {
  // One collator for the whole sort: `localeCompare` with options builds one per comparison.
  const order = new Intl.Collator('en', { numeric: true });
  const sorted = [...entries].sort((a, b) => order.compare(a.url, b.url));
  const files: SitemapEntry[] = [];
  for (let start = 0, n = 0; start < sorted.length; start += limit, n += 1) {
    const chunk = sorted.slice(start, start + limit);
    const name = `sitemap-${String(n)}.xml`;
    const urls = chunk.map((entry) => `<url>${located(entry)}</url>`).join('');
    writeFileSync(join(out, name), `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}">${urls}</urlset>`);
    const newest = chunk.reduce<string | undefined>(
      (latest, { lastmod }) => (lastmod && (!latest || Date.parse(lastmod) > Date.parse(latest)) ? lastmod : latest),
      undefined,
    );
    files.push({ url: new URL(name, base).href, lastmod: newest });
  }
  const list = files.map((file) => `<sitemap>${located(file)}</sitemap>`).join('');
  writeFileSync(
    join(out, 'sitemap-index.xml'),
    `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">${list}</sitemapindex>`,
  );
  return [...files.map((_, n) => `sitemap-${String(n)}.xml`), 'sitemap-index.xml'];
}

/** Bytes read from a page at a time while looking for the end of its head. */
const HEAD_BLOCK = 16_384;

/**
 * The buffer every `readHead` reads into, grown (doubled) for a head longer than it: one buffer
 * for all the pages, since allocating one a page made the garbage collector the largest cost of
 * the sitemap at 100,000 articles (docs/scale.md).
 */
let headBuffer = Buffer.allocUnsafe(HEAD_BLOCK);

/** A built page's `<head>` (the text before `</head>`, or the whole page without one): read in blocks until `</head>`, not the whole page. */
export function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length + HEAD_BLOCK > headBuffer.length) {
        const bigger = Buffer.allocUnsafe(headBuffer.length * 2);
        headBuffer.copy(bigger, 0, 0, length);
        headBuffer = bigger;
      }
      const read = readSync(fd, headBuffer, length, HEAD_BLOCK, null);
      // `</head>` may straddle two blocks: look again from just before the new bytes.
      const from = Math.max(0, length - '</head>'.length);
      length += read;
      const end = headBuffer.subarray(0, length).indexOf('</head>', from);
      // `<` is ASCII, so the bytes before it end on a whole character.
      if (end >= 0) return headBuffer.toString('utf8', 0, end);
      if (read === 0) return headBuffer.toString('utf8', 0, length);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The HTML file of a built page path (`articles/x/` → `articles/x/index.html`, `404` →
 * `404.html`) with its size and modification time, if there is one: looked up in `surveyed` (the
 * folder's files by path) when given, else on disk.
 */
function pageFile(dir: string, path: string, surveyed: ReadonlyMap<string, FileState> | undefined) {
  const candidates = [
    `${path.replace(/\/?$/u, '/')}index.html`.replace(/^\//u, ''),
    `${path.replace(/\/$/u, '')}.html`,
  ];
  for (const candidate of candidates) {
    const file = join(dir, candidate);
    if (surveyed) {
      const state = surveyed.get(candidate);
      if (state) return { file, size: state.size, mtimeMs: state.mtimeMs };
    } else if (existsSync(file)) {
      const { size, mtimeMs } = statSync(file);
      return { file, size, mtimeMs };
    }
  }
  return undefined;
}

/** Options of the sitemap. */
export interface SitemapOptions {
  /** URLs per sitemap file (default `SITEMAP_ENTRY_LIMIT`). */
  entryLimit?: number;
  /** The output folder's files as an earlier step of the build left them (see `KeptOutput.files`), so no page is looked up on disk. */
  surveyed?: () => readonly FileState[] | undefined;
  /** Told the files the sitemap left (relative to the output folder; see `KeptOutput.wrote`), once it removed those it no longer writes. */
  wrote?: (paths: readonly string[]) => void;
}

/** What an earlier build read of each page, by path: its size and modification time, then its facts (links when asked for). */
type KnownFacts = Record<
  string,
  [size: number, mtimeMs: number, noindex: boolean, stated: string | null, links: string[] | null]
>;

/**
 * The sitemap, with a `lastmod` for every page that has a dated item on it, taken from the built
 * pages (src/site/sitemap.ts has the rules), never from the build's clock; pages marked `noindex`
 * (the 404 page, redirect pages) are left out. Written here rather than by @astrojs/sitemap, whose
 * sort of the URLs calls `localeCompare` with options, which builds a collator for every
 * comparison: a cost that grows faster than the archive.
 */
export function archiveSitemap({
  entryLimit = SITEMAP_ENTRY_LIMIT,
  surveyed = () => undefined,
  wrote = () => undefined,
}: SitemapOptions = {}): AstroIntegration {
  let site = new URL('http://localhost/');
  let basePath = '/';
  let knownFile = '';
  return {
    name: 'xinhua:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.base, config.site ?? 'http://localhost');
        basePath = site.pathname.replace(/\/?$/u, '/');
        knownFile = join(fileURLToPath(config.cacheDir), 'sitemap-pages.json');
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        // A page the last build read is not read again while its size and modification time
        // are the same (the kept output folder leaves reused pages untouched).
        const known = readCacheRecord<KnownFacts>(knownFile, {});
        const survey = surveyed();
        const files = survey ? new Map(survey.map((state) => [state.path, state])) : undefined;
        const now: KnownFacts = {};
        const facts: PageFacts[] = [];
        const urls: [path: string, url: string][] = [];
        for (const { pathname } of pages) {
          const path = pathname.replace(/^\//u, '');
          const found = pageFile(out, path, files);
          if (!found) continue;
          const { file, size, mtimeMs } = found;
          const before = known[path];
          const entry: KnownFacts[string] =
            before?.[0] === size && before[1] === mtimeMs
              ? before
              : (() => {
                  const head = headFacts(readHead(file));
                  return [size, mtimeMs, head.noindex, head.stated ?? null, null];
                })();
          now[path] = entry;
          const key = sitePath(path);
          urls.push([key, new URL(basePath + path, site).href]);
          facts.push({
            path: key,
            noindex: entry[2],
            stated: entry[3] ?? undefined,
            links: () => (entry[4] ??= mainLinks(readFileSync(file, 'utf8'), basePath)),
          });
        }
        const dates = sitemapDates(facts);
        const entries = urls.flatMap(([key, url]) => {
          if (!dates.has(key)) return [];
          const date = dates.get(key);
          // The start of that day in Beijing, where the paper is dated (written out in UTC).
          return [{ url, lastmod: date ? new Date(`${date}T00:00:00+08:00`).toISOString() : undefined }];
        });
        const written = writeSitemaps(out, site.href, entries, entryLimit);
        // A sitemap file of an earlier build that this one does not write (the archive needs fewer) goes.
        for (const name of readdirSync(out)) {
          if (SITEMAP_FILES.test(name) && !written.includes(name)) rmSync(join(out, name));
        }
        wrote(written);
        writeCacheRecord(knownFile, now);
        logger.info(`sitemap-index.xml lists ${String(entries.length)} pages in ${String(written.length - 1)} file(s)`);
      },
    },
  };
}
