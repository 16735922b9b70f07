import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { citationAuthors, citationSource } from '../../../src/site/citation.ts';
import { gbt7714 } from '../../../src/site/citation-formats.ts';
import { citationFromPage, type MetaTag } from '../../../src/site/citation-tags.ts';
import { FEED_SIZE } from '../../../src/site/feed.ts';
import { launchChromium } from '../../../scripts/lib/browser.ts';
import { serveStatic } from '../../../scripts/lib/static-server.ts';
import { buildSite, recordsOf } from '../../helpers/site.ts';

const dist = inject('siteDist');
const { articles } = recordsOf(inject('siteSeeds'));
const html = (path: string) => parseHTML(readFileSync(join(dist, path, 'index.html'), 'utf8')).document;
const json = (path: string): unknown => JSON.parse(readFileSync(join(dist, path), 'utf8'));
const metas = (document: Document, name: string) =>
  [...document.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content'));

describe('what citation managers read', () => {
  it('gives every article page citation_* and DC.* tags, one author per person, the printed page', () => {
    expect(articles.some((r) => r.issue.page)).toBe(true);
    expect(articles.some((r) => r.issue.paper)).toBe(true);
    for (const record of articles) {
      const document = html(`articles/${record.id}`);
      const authors = citationAuthors(record).map((a) => a.name);
      expect(metas(document, 'citation_title'), record.id).toHaveLength(1);
      expect(metas(document, 'citation_author'), record.id).toEqual(authors);
      expect(metas(document, 'DC.creator'), record.id).toEqual(authors);
      expect(metas(document, 'citation_language')).toEqual(['zh']);
      expect(metas(document, 'DC.type')).toEqual(['NewsItem']);
      expect(metas(document, 'citation_firstpage')).toEqual(record.issue.page ? [record.issue.page] : []);
      expect(metas(document, 'citation_journal_title')).toEqual(record.issue.paper ? [record.issue.paper] : []);
      const date = record.issue.date ?? record.date;
      expect(metas(document, 'citation_publication_date')).toEqual(date ? [date.replaceAll('-', '/')] : []);
      expect(authors.some((name) => name.includes('记者'))).toBe(false);
    }
  });
  it('prints 引用本文 with the GB/T 7714 line and the URL, and the facts the browser makes the other formats from', () => {
    for (const record of articles) {
      const document = html(`articles/${record.id}`);
      const block = document.querySelector<HTMLElement>('section.citation');
      const url = `http://localhost:4321/articles/${record.id}/`;
      const source = citationSource(record, { paper: undefined, url });
      expect(block?.querySelector('h2')?.textContent).toBe('引用本文');
      expect(block?.querySelector('#citation-gbt')?.textContent).toBe(gbt7714(source));
      expect(block?.querySelector('.citation-url a')?.getAttribute('href')).toBe(url);
      // Without JavaScript: no button that cannot work, no empty list of formats, and a note saying why.
      expect(block?.querySelectorAll('button, details, pre')).toHaveLength(0);
      expect(block?.querySelector('noscript')?.textContent).toBe('BibTeX、RIS、CSL-JSON 格式需启用 JavaScript。');
      // The page's tags and the block's data-* attributes give back the citation whole.
      const tags = [...document.querySelectorAll('head meta[name]')].map((meta): MetaTag => [
        meta.getAttribute('name') ?? '',
        meta.getAttribute('content') ?? '',
      ]);
      expect(citationFromPage(tags, block?.dataset ?? {}), record.id).toEqual(source);
    }
  });
});

describe('what search engines and link previews read', () => {
  it('dates JSON-LD in Beijing time, names reporters as Person with a URL, gives publisher a logo', () => {
    expect(articles.filter((r) => r.date && r.issue.date).length).toBeGreaterThan(0);
    for (const record of articles) {
      const document = html(`articles/${record.id}`);
      const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as {
        datePublished?: string;
        author: { '@type': string; url?: string } | { '@type': string; url?: string }[];
        publisher: { logo: { url: string } };
        isPartOf: { '@type': string; datePublished?: string };
      };
      if (record.date) expect(ld.datePublished).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\+08:00$/u);
      if (record.issue.date) expect(ld.isPartOf.datePublished).toBe(`${record.issue.date}T00:00:00+08:00`);
      expect(ld.isPartOf['@type']).toBe('PublicationIssue');
      for (const author of [ld.author].flat())
        if (author['@type'] === 'Person') expect(author.url).toMatch(/^http:\/\/localhost:4321\/reporters\//u);
      expect(existsSync(join(dist, new URL(ld.publisher.logo.url).pathname))).toBe(true);
      expect(document.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
      // One description for search results and link previews, as long as they show (80 characters).
      const description = document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
      expect(document.querySelector('meta[property="og:description"]')?.getAttribute('content')).toBe(description);
      expect(Array.from(description.replace(/…$/u, '')).length, record.id).toBeLessThanOrEqual(80);
      expect(description.length, record.id).toBeGreaterThan(0);
      expect(document.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(ld.publisher.logo.url);
    }
  });
  it('gives the 404 page no og:url (it is not a page of its own)', () => {
    const document = parseHTML(readFileSync(join(dist, '404.html'), 'utf8')).document;
    expect(document.querySelector('meta[property="og:url"]')).toBeNull();
  });
});

describe('the sitemap as built', () => {
  const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => new URL(m[1] ?? '').pathname);
  const entries = files.flatMap((file) =>
    [
      ...readFileSync(join(dist, file), 'utf8').matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/gu),
    ].map(([, loc = '', lastmod]) => ({ path: new URL(loc).pathname, loc, lastmod })),
  );
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const lastmodOf = (path: string) => byPath.get(path)?.lastmod;
  /** The instant a Beijing day starts, as the sitemap writes it. */
  const beijing = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

  it('is found from robots.txt and from every page, through the index', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: http://localhost:4321/sitemap-index.xml\n',
    );
    expect(html('').querySelector('link[rel="sitemap"]')?.getAttribute('href')).toBe('/sitemap-index.xml');
  });
  it('lists only canonical pages: each one built, indexable and its own canonical URL; no redirect, no 404', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const { path, loc } of entries) {
      const document = html(decodeURIComponent(path));
      expect(document.querySelector('meta[name="robots"]'), path).toBeNull();
      expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href'), path).toBe(loc);
    }
    const redirects = readdirSync(join(dist, 'pages')).filter((id) =>
      html(`pages/${id}`).querySelector('meta[http-equiv="refresh"]'),
    );
    expect(redirects.length).toBeGreaterThan(0);
    const listed = new Set(entries.map((e) => e.path));
    for (const id of redirects) expect(listed.has(`/pages/${id}/`), id).toBe(false);
    expect(entries.some((e) => e.path.startsWith('/pages/'))).toBe(true);
    expect(entries.some((e) => e.path.includes('404'))).toBe(false);
    expect(entries.some((e) => e.path.includes('?'))).toBe(false);
  });
  it("dates every article by its issue (else its own date), every issue page by its day, never by the build's clock", () => {
    for (const record of articles) {
      const date = record.issue.date ?? record.date;
      expect(byPath.has(`/articles/${record.id}/`), record.id).toBe(true);
      expect(lastmodOf(`/articles/${record.id}/`), record.id).toBe(date ? beijing(date) : undefined);
    }
    let days = 0;
    for (const { path, lastmod } of entries) {
      const day = /^\/(\d{4})\/(\d\d)\/(\d\d)\//u.exec(path);
      if (!day) continue;
      days += 1;
      expect(lastmod, path).toBe(beijing(`${day[1]}-${day[2]}-${day[3]}`));
    }
    expect(days).toBeGreaterThan(0);
    const newest =
      articles
        .map((r) => r.issue.date ?? r.date ?? '')
        .sort()
        .at(-1) ?? '';
    for (const top of ['/', '/archive/', '/search/', '/reporters/']) {
      expect(byPath.has(top), top).toBe(true);
      expect(lastmodOf(top), top).toBe(beijing(newest));
    }
  });
  it('dates a list page by the newest item it lists, and leaves a lastmod out only where nothing is dated', () => {
    const byHu = articles.filter((r) => r.byline?.names.includes('胡喆'));
    const newest =
      byHu
        .map((r) => r.issue.date ?? r.date ?? '')
        .sort()
        .at(-1) ?? '';
    expect(lastmodOf(`/reporters/${encodeURIComponent('胡喆')}/`)).toBe(beijing(newest));
    const undated = new Set(articles.filter((r) => !(r.issue.date ?? r.date)).map((r) => `/articles/${r.id}/`));
    expect(undated.size).toBeGreaterThan(0);
    for (const { path } of entries.filter((e) => !e.lastmod)) {
      if (undated.has(path)) continue;
      expect(path).toMatch(/^\/pages\//u);
      const links = [...html(decodeURIComponent(path)).querySelectorAll('main a[href^="/articles/"]')].map((a) =>
        a.getAttribute('href'),
      );
      for (const link of links) {
        expect(byPath.has(link ?? ''), link ?? '').toBe(true);
        expect(lastmodOf(link ?? ''), link ?? '').toBeUndefined();
      }
    }
  });
});

describe('the feed as built', () => {
  const xml = readFileSync(join(dist, 'feed.xml'), 'utf8');
  it('is styled by feed.xsl, links itself, names dc:creator, dates in +0800', () => {
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/feed\.xsl" type="text\/xsl"\?>/u,
    );
    expect(existsSync(join(dist, 'feed.xsl'))).toBe(true);
    expect(existsSync(join(dist, 'feed.css'))).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
      rss: { channel: { 'atom:link': Record<string, string>; item: { pubDate?: string }[] } };
    };
    expect(feed.rss.channel['atom:link']['@_href']).toBe('http://localhost:4321/feed.xml');
    expect(xml).toContain('<dc:creator>胡喆</dc:creator>');
    for (const item of feed.rss.channel.item) if (item.pubDate) expect(item.pubDate).toMatch(/ 00:00:00 \+0800$/u);
  });
});

describe("the feed's browser view", () => {
  /** The colour variables a stylesheet declares, in order: `--paper:#fbfaf7`, …. */
  const colours = (css: string) =>
    [...css.matchAll(/(--[a-z]+):\s*(#[0-9a-f]{3,8})\b/giu)].map((m) => `${m[1]}:${m[2]}`);
  it("declares the pages' own colours, light and dark, from the one source", () => {
    const site = readdirSync(join(dist, '_astro'))
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(join(dist, '_astro', name), 'utf8'))
      .find((css) => css.includes('--paper'));
    const feed = colours(readFileSync(join(dist, 'feed.css'), 'utf8'));
    expect(feed.length).toBeGreaterThanOrEqual(12);
    // The site's CSS adds its print colours after the screen ones.
    expect(colours(site ?? '').slice(0, feed.length)).toEqual(feed);
  });
  it('is styled in Chromium under the Content-Security-Policy, light and dark, with Beijing dates everywhere', async () => {
    const server = await serveStatic(dist);
    const browser = await launchChromium();
    try {
      for (const [scheme, paper] of [
        ['light', 'rgb(251, 250, 247)'],
        ['dark', 'rgb(22, 23, 26)'],
      ] as const) {
        const page = await browser.newPage({ colorScheme: scheme });
        const failed: string[] = [];
        page.on('response', (r) => {
          if (r.status() >= 400) failed.push(`${String(r.status())} ${r.url()}`);
        });
        const icon = page.waitForResponse((r) => r.url().includes('/favicon.'), { timeout: 10_000 });
        const response = await page.goto(`${server.origin}/feed.xml`);
        expect((await icon).url()).toBe(`${server.origin}/favicon.svg`);
        expect(failed, 'every file the view asks for (feed.xsl, feed.css, the icon) is there').toEqual([]);
        expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
        expect(await page.locator('main li h2 a').count()).toBe(Math.min(articles.length, FEED_SIZE));
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(paper);
        expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/u);
        await page.close();
      }
      // A reader west of UTC+8 sees the paper's Beijing dates, in the feed view and on the pages.
      const context = await browser.newContext({ timezoneId: 'America/Los_Angeles' });
      const page = await context.newPage();
      const feed = new XMLParser({ isArray: (name) => name === 'item' }).parse(
        readFileSync(join(dist, 'feed.xml'), 'utf8'),
      ) as { rss: { channel: { item: { link: string; pubDate: string }[] } } };
      const [first] = feed.rss.channel.item;
      await page.goto(`${server.origin}/feed.xml`);
      expect(await page.locator('main li .meta').first().textContent()).toMatch(
        new RegExp(`^\\s*${first?.pubDate.slice(5, 16) ?? '-'}`, 'u'),
      );
      const record = articles.find((r) => r.id === '000_3fa1046521e36f31-2');
      expect(record?.date).toBe('2026-04-01');
      await page.goto(`${server.origin}/articles/${record?.id ?? ''}/`);
      expect(await page.locator('time[datetime="2026-04-01"]').first().textContent()).toBe('2026年4月1日');
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('the JSON API (v1)', () => {
  const index = json('api/v1/archive.json') as {
    version: number;
    schema: string;
    count: number;
    months: { month: string; count: number; url: string }[];
  };
  it('indexes the months with their counts and files, and the files hold every record once', () => {
    expect(index.version).toBe(1);
    expect(index.count).toBe(articles.length);
    const ids: string[] = [];
    for (const month of index.months) {
      const file = json(new URL(month.url).pathname) as {
        version: number;
        month: string;
        count: number;
        records: { id: string }[];
      };
      expect(file).toMatchObject({ version: 1, month: month.month, count: month.count });
      expect(file.records).toHaveLength(month.count);
      ids.push(...file.records.map((r) => r.id));
    }
    expect(ids.sort()).toEqual(articles.map((r) => r.id).sort());
    expect(existsSync(join(dist, 'api', 'articles'))).toBe(false);
  });
  it('serves the JSON Schema beside the data, and every record served validates against it', () => {
    const validate = new Ajv2020({ strict: false }).compile(json(new URL(index.schema).pathname) as object);
    for (const month of index.months) {
      for (const record of (json(new URL(month.url).pathname) as { records: unknown[] }).records)
        expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('a build that does not know its URL', () => {
  it('fails in CI without SITE_URL, saying what to set', () => {
    const seeds = inject('siteSeeds');
    expect(() => buildSite(seeds, join(dist, '..', 'no-site-url-dist'), { SITE_URL: '', CI: 'true' })).toThrow(
      /SITE_URL is not set[\s\S]*SITE_URL=https:\/\/example\.github\.io/u,
    );
  });
});
