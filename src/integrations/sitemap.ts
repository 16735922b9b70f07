import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { headFacts, mainLinks, sitemapDates, sitePath, type PageFacts } from '../site/sitemap.ts';
import { readCacheRecord } from './cache-record.ts';

/**
 * URLs per sitemap file. The protocol allows 50,000 URLs and 50 MB per file; an entry here is
 * 110–150 bytes (300 at most), so 45,000 (@astrojs/sitemap's default, stated here so a test can
 * pin it) keeps a file under 14 MB. Past it, `sitemap-index.xml` lists `sitemap-0.xml`, `sitemap-1.xml`, ….
 */
export const SITEMAP_ENTRY_LIMIT = 45_000;

/** A built page's `<head>`: read in blocks until `</head>`, not the whole page. */
function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const block = Buffer.alloc(16_384);
    const chunks: Buffer[] = [];
    let head = '';
    for (;;) {
      const read = readSync(fd, block, 0, block.length, null);
      if (read === 0) return head;
      chunks.push(Buffer.from(block.subarray(0, read)));
      head = Buffer.concat(chunks).toString('utf8');
      const end = head.indexOf('</head>');
      if (end >= 0) return head.slice(0, end);
    }
  } finally {
    closeSync(fd);
  }
}

/** The HTML file of a built page path (`articles/x/` → `articles/x/index.html`), if there is one. */
function pageFile(dir: string, path: string): string | undefined {
  const candidates = [join(dir, path, 'index.html'), join(dir, `${path.replace(/\/$/u, '')}.html`)];
  return candidates.find((file) => existsSync(file));
}

/** What an earlier build read of each page, by path: its size and modification time, then its facts (links when asked for). */
type KnownFacts = Record<
  string,
  [size: number, mtimeMs: number, noindex: boolean, stated: string | null, links: string[] | null]
>;

/**
 * The sitemap: @astrojs/sitemap, with a `lastmod` for every page that has a dated item on it,
 * taken from the built pages (src/site/sitemap.ts has the rules), never from the build's clock;
 * pages marked `noindex` (the 404 page, redirect pages) are left out. Two integrations: the first
 * reads the built pages when the build is done, the second writes the sitemap from what it read.
 */
export function archiveSitemap(options: { entryLimit?: number } = {}): AstroIntegration[] {
  let basePath = '/';
  let knownFile = '';
  let dates = new Map<string, string | undefined>();
  const survey: AstroIntegration = {
    name: 'xinhua:sitemap-dates',
    hooks: {
      'astro:config:done': ({ config }) => {
        basePath = new URL(config.base, config.site ?? 'http://localhost').pathname.replace(/\/?$/u, '/');
        knownFile = join(fileURLToPath(config.cacheDir), 'sitemap-pages.json');
      },
      'astro:build:done': ({ dir, pages }) => {
        const out = fileURLToPath(dir);
        // A page the last build read is not read again while its size and modification time
        // are the same (the kept output folder leaves reused pages untouched).
        const known = readCacheRecord<KnownFacts>(knownFile, {});
        const now: KnownFacts = {};
        const facts: PageFacts[] = [];
        for (const { pathname } of pages) {
          const path = pathname.replace(/^\//u, '');
          const file = pageFile(out, path);
          if (!file) continue;
          const { size, mtimeMs } = statSync(file);
          const before = known[path];
          const entry: KnownFacts[string] =
            before?.[0] === size && before[1] === mtimeMs
              ? before
              : (() => {
                  const head = headFacts(readHead(file));
                  return [size, mtimeMs, head.noindex, head.stated ?? null, null];
                })();
          now[path] = entry;
          facts.push({
            path: sitePath(path),
            noindex: entry[2],
            stated: entry[3] ?? undefined,
            links: () => (entry[4] ??= mainLinks(readFileSync(file, 'utf8'), basePath)),
          });
        }
        dates = sitemapDates(facts);
        mkdirSync(join(knownFile, '..'), { recursive: true });
        writeFileSync(knownFile, JSON.stringify(now));
      },
    },
  };
  const writer = sitemap({
    entryLimit: options.entryLimit ?? SITEMAP_ENTRY_LIMIT,
    // Plain <url> entries: no news, image, video or alternate-language extensions are used.
    namespaces: { news: false, xhtml: false, image: false, video: false },
    serialize: (item) => {
      const path = sitePath(new URL(item.url).pathname.slice(basePath.length));
      if (!dates.has(path)) return undefined;
      const date = dates.get(path);
      // The start of that day in Beijing, where the paper is dated (written out in UTC).
      return date ? { ...item, lastmod: `${date}T00:00:00+08:00` } : item;
    },
  });
  return [survey, writer];
}
