import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger, IntegrationResolvedRoute } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import {
  archiveSitemap,
  readHead,
  SITEMAP_ENTRY_LIMIT,
  writeSitemaps,
  type SitemapOptions,
} from '../../src/integrations/sitemap.ts';
import { fileStates } from '../../src/integrations/file-fingerprint.ts';
import { headFacts, issuePathDate, mainLinks, sitemapDates, type PageFacts } from '../../src/site/sitemap.ts';

/** A page's facts for sitemapDates. */
function page(path: string, facts: Partial<Omit<PageFacts, 'links'>> & { links?: string[] } = {}): PageFacts {
  const { links = [], ...rest } = facts;
  return { path, noindex: false, links: () => links, ...rest };
}

describe('which pages the sitemap lists, and their lastmod', () => {
  const dates = sitemapDates([
    page(''),
    page('search/'),
    page('reporters/'),
    page('articles/a-1/', { stated: '2026-04-01' }),
    page('articles/a-2/', { stated: '2026-04-02' }),
    page('articles/old-1/', { stated: '2025-12-22' }),
    page('articles/undated-1/'),
    page('2026/04/02/'),
    page('2026/04/02/03/'),
    page('2026/04/22/', { links: ['2026/04/01/', 'articles/a-1/'] }),
    page('archive/2026/04/', { links: ['2026/04/02/', '2026/04/22/', 'archive/2026/01/'] }),
    page('on-this-day/12-22/', { links: ['articles/old-1/', 'on-this-day/04-02/'] }),
    page('reporters/胡喆/2/', { links: ['articles/old-1/', 'articles/a-1/', 'reporters/胡喆/'] }),
    page('pages/undated/', { links: ['articles/undated-1/'] }),
    page('pages/moved/', { noindex: true, stated: '2026-04-02' }),
    page('404/', { noindex: true }),
  ]);
  it('leaves out every page marked noindex (the 404 page, the redirect pages)', () => {
    expect(dates.has('pages/moved/')).toBe(false);
    expect(dates.has('404/')).toBe(false);
    expect(dates.size).toBe(14);
  });
  it("dates an article by the date it states, an issue's pages by the issue's day", () => {
    expect(dates.get('articles/a-2/')).toBe('2026-04-02');
    expect(dates.get('2026/04/02/03/')).toBe('2026-04-02');
    // The day's own date, not the newest issue its calendar links to.
    expect(dates.get('2026/04/22/')).toBe('2026-04-22');
  });
  it('dates a list by the newest article or issue it links to, the top-level pages by the whole archive', () => {
    expect(dates.get('archive/2026/04/')).toBe('2026-04-22');
    expect(dates.get('on-this-day/12-22/')).toBe('2025-12-22');
    expect(dates.get('reporters/胡喆/2/')).toBe('2026-04-01');
    for (const top of ['', 'search/', 'reporters/']) expect(dates.get(top)).toBe('2026-04-22');
  });
  it('gives no lastmod to a page with nothing dated on it, never a made-up one', () => {
    expect(dates.has('pages/undated/')).toBe(true);
    expect(dates.get('pages/undated/')).toBeUndefined();
    expect(dates.get('articles/undated-1/')).toBeUndefined();
  });
  it('reads noindex and DC.date from the head, and the links of <main> only', () => {
    expect(headFacts('<meta name="robots" content="noindex"><meta name="DC.date" content="2026-04-01">')).toEqual({
      noindex: true,
      stated: '2026-04-01',
    });
    expect(headFacts('<meta name="DC.date" content="2026">')).toEqual({ noindex: false, stated: undefined });
    const html =
      '<header><a href="/repo/2026/04/22/">最新</a></header><main><a href="/repo/articles/a-1/#x">a</a>' +
      '<a href="/repo/reporters/%E8%83%A1%E5%96%86/?p=1">b</a><a href="/elsewhere/">c</a></main>';
    expect(mainLinks(html, '/repo/')).toEqual(['articles/a-1/', 'reporters/胡喆/']);
    expect(issuePathDate('2026/04/01/a05/')).toBe('2026-04-01');
    expect(issuePathDate('archive/2026/04/')).toBeUndefined();
  });
});

describe('reading a page up to the end of its head', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xinhua-head-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  /** A file in `dir` holding `text`. */
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('gives the text before </head> wherever it falls: in the first block, across two blocks, past the buffer it started with', () => {
    expect(readHead(file('short.html', '<head><title>新闻</title></head><body>正文</body>'))).toBe(
      '<head><title>新闻</title>',
    );
    // Three-byte characters before the tag put a character across the 16,384-byte block boundary.
    for (const padding of [16_381, 16_382, 16_383, 16_384, 16_390, 40_000]) {
      const head = `<head>${'华'.repeat(Math.floor(padding / 3))}${'a'.repeat(padding % 3)}`;
      expect(readHead(file(`long-${padding}.html`, `${head}</head><body>后文</body>`)), String(padding)).toBe(head);
    }
  });

  it('gives the whole page when it has no </head>, and nothing of a page read before it', () => {
    readHead(file('big.html', `<head>${'x'.repeat(50_000)}</head>`));
    expect(readHead(file('headless.html', '<p>无头</p>'))).toBe('<p>无头</p>');
    expect(readHead(file('empty.html', ''))).toBe('');
  });
});

describe('the sitemap files as the build writes them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
  const cache = mkdtempSync(join(tmpdir(), 'sitemap-cache-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
  const write = (path: string, head: string, main = '') => {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(
      join(dir, path, 'index.html'),
      `<!doctype html><html><head>${head}</head><body><main>${main}</main></body></html>`,
    );
  };

  /** Runs the integrations' hooks as `astro build` does, with `entryLimit` URLs per file and the other options. */
  async function build(entryLimit?: number, options: Omit<SitemapOptions, 'entryLimit'> = {}): Promise<void> {
    const messages: string[] = [];
    const log = (message: string) => messages.push(message);
    const logger = { info: log, warn: log, error: log } as unknown as AstroIntegrationLogger;
    const config = {
      site: 'https://example.org',
      base: '/repo/',
      trailingSlash: 'ignore',
      build: { format: 'directory' },
      cacheDir: pathToFileURL(`${cache}/`),
    } as unknown as AstroConfig;
    const pages = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('index.html'))
      .map((file) => ({ pathname: file.replace(/index\.html$/u, '') }));
    const integrations: AstroIntegration[] = [archiveSitemap({ ...(entryLimit ? { entryLimit } : {}), ...options })];
    for (const integration of integrations) {
      const hooks = integration.hooks as Record<string, ((options: unknown) => unknown) | undefined>;
      await hooks['astro:routes:resolved']?.({ routes: [] as IntegrationResolvedRoute[], logger });
      await hooks['astro:config:done']?.({ config, logger });
    }
    for (const integration of integrations) {
      const hook = (integration.hooks as Record<string, ((options: unknown) => unknown) | undefined>)[
        'astro:build:done'
      ];
      await hook?.({ dir: pathToFileURL(`${dir}/`), pages, logger });
    }
  }

  write('', '');
  for (let n = 1; n <= 5; n++) write(`articles/a-${n}`, `<meta name="DC.date" content="2026-04-0${n}">`);
  write('pages/moved', '<meta name="robots" content="noindex">');

  it('keeps to the protocol: at most 50,000 URLs a file', () => {
    expect(SITEMAP_ENTRY_LIMIT).toBeLessThanOrEqual(50_000);
  });
  it('splits into files of entryLimit URLs under a sitemap index, each file dated by its newest page', async () => {
    await build(2);
    const files = readdirSync(dir).filter((name) => name.startsWith('sitemap'));
    expect(files.sort()).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml']);
    const index = readFileSync(join(dir, 'sitemap-index.xml'), 'utf8');
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1])).toEqual([
      'https://example.org/repo/sitemap-0.xml',
      'https://example.org/repo/sitemap-1.xml',
      'https://example.org/repo/sitemap-2.xml',
    ]);
    const urls = files
      .filter((name) => name !== 'sitemap-index.xml')
      .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/<url>(.*?)<\/url>/gu)].map((m) => m[1]));
    expect(urls).toHaveLength(6);
    expect(urls.join('\n')).not.toContain('moved');
    // 2026-04-05 in Beijing starts at 16:00 UTC the day before.
    expect(urls).toContain(
      '<loc>https://example.org/repo/articles/a-5/</loc><lastmod>2026-04-04T16:00:00.000Z</lastmod>',
    );
    expect(urls[0]).toBe('<loc>https://example.org/repo/</loc><lastmod>2026-04-04T16:00:00.000Z</lastmod>');
    expect(index).toContain('<lastmod>2026-04-04T16:00:00.000Z</lastmod>');
  });
  it('lists URLs in order, numbers by value, and escapes them as XML', () => {
    const out = mkdtempSync(join(tmpdir(), 'sitemap-order-'));
    try {
      const urls = ['https://e.org/r/10/', 'https://e.org/r/2/', "https://e.org/r/a&b'/", 'https://e.org/r/'];
      writeSitemaps(
        out,
        'https://e.org/',
        urls.map((url) => ({ url })),
        10,
      );
      const text = readFileSync(join(out, 'sitemap-0.xml'), 'utf8');
      expect([...text.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1])).toEqual([
        'https://e.org/r/',
        'https://e.org/r/2/',
        'https://e.org/r/10/',
        'https://e.org/r/a&amp;b&apos;/',
      ]);
      // No lastmod is known, so neither the file nor the index states one.
      expect(text).not.toContain('lastmod');
      expect(readFileSync(join(out, 'sitemap-index.xml'), 'utf8')).toBe(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
          '<sitemap><loc>https://e.org/sitemap-0.xml</loc></sitemap></sitemapindex>',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  it('finds the pages in the survey it is given instead of on disk, and says which files it wrote', async () => {
    await build(2);
    const sitemaps = ['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-index.xml'];
    const expected = sitemaps.map((name) => readFileSync(join(dir, name), 'utf8'));
    const told: string[] = [];
    const survey = () => fileStates(dir);
    await build(2, { surveyed: survey, wrote: (paths) => told.push(...paths) });
    expect(sitemaps.map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(expected);
    expect(told).toEqual(sitemaps);
    // A page the survey does not hold is not there as far as the sitemap knows.
    await build(2, { surveyed: () => survey().filter(({ path }) => path !== 'articles/a-5/index.html') });
    const listed = readdirSync(dir)
      .filter((name) => /^sitemap-\d+\.xml$/u.test(name))
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('');
    expect(listed).not.toContain('articles/a-5/');
    expect(listed).toContain('articles/a-4/');
  });
  it('gives the same bytes for the same pages', async () => {
    await build(2);
    const first = readFileSync(join(dir, 'sitemap-1.xml'), 'utf8');
    await build(2);
    expect(readFileSync(join(dir, 'sitemap-1.xml'), 'utf8')).toBe(first);
  });
  it('removes the sitemap files of an earlier build that it no longer writes', async () => {
    await build(2);
    await build();
    expect(
      readdirSync(dir)
        .filter((name) => name.startsWith('sitemap'))
        .sort(),
    ).toEqual(['sitemap-0.xml', 'sitemap-index.xml']);
  });
  it('reads a page again when it changed since the last build, never an old date from the cache', async () => {
    await build();
    write('articles/a-3', '<meta name="DC.date" content="2026-04-23">');
    await build();
    const urls = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
    expect(urls).toContain(
      '<loc>https://example.org/repo/articles/a-3/</loc><lastmod>2026-04-22T16:00:00.000Z</lastmod>',
    );
    expect(urls).toContain('<loc>https://example.org/repo/</loc><lastmod>2026-04-22T16:00:00.000Z</lastmod>');
  });
});
