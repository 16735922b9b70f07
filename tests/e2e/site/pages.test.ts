import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { issuesOf } from '../../../src/site/archive.ts';
import { itemTitle } from '../../../src/site/format.ts';
import { bundlePlan, searchMonth } from '../../../src/site/search-bundles.ts';
import { printedPagePath, recordsOf } from '../../helpers/site.ts';

const dist = inject('siteDist');
const { articles } = recordsOf(inject('siteSeeds'));
const printedPath = (seedId: string): string => printedPagePath(articles, seedId);
const html = (path: string) => parseHTML(readFileSync(join(dist, path, 'index.html'), 'utf8')).document;

describe('the built site', () => {
  it('builds the items of every fixture seed, bad ones included', () => {
    expect(articles.length).toBeGreaterThan(30);
    expect(new Set(articles.map((r) => r.seedId)).size).toBeGreaterThan(20);
  });

  it('gives every record a page, and its record in the JSON file of its month', () => {
    for (const record of articles) {
      expect(existsSync(join(dist, 'articles', record.id, 'index.html')), record.id).toBe(true);
      const file = record.date
        ? join(dist, 'api', 'v1', 'archive', record.date.slice(0, 4), `${record.date.slice(5, 7)}.json`)
        : join(dist, 'api', 'v1', 'archive', 'undated.json');
      const month = JSON.parse(readFileSync(file, 'utf8')) as { records: { id: string }[] };
      expect(month.records.find((r) => r.id === record.id)).toEqual(record);
    }
  });

  it('indexes each period in its own search bundle, and the search page merges exactly those', () => {
    const listed = html('search').querySelector('#search-form')?.getAttribute('data-search-bundles')?.split(' ');
    const { bundles, bundleOf } = bundlePlan(articles.map((r) => r.date));
    expect(listed).toEqual(bundles);
    expect(readdirSync(join(dist, 'pagefind')).sort()).toEqual([...bundles, 'pagefind-highlight.js'].sort());
    // A page names its month, from which the integration made the same plan as the search page.
    const indexed = new Map<string, string[]>();
    for (const record of articles) {
      const month = html(`articles/${record.id}`)
        .querySelector('[data-pagefind-body]')
        ?.getAttribute('data-search-month');
      expect(month, record.id).toBe(searchMonth(record.date));
      indexed.set(bundleOf(record.date), [...(indexed.get(bundleOf(record.date)) ?? []), record.id]);
    }
    for (const [bundle, ids] of indexed) {
      const entry = JSON.parse(readFileSync(join(dist, 'pagefind', bundle, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      const pages = Object.values(entry.languages).reduce((sum, { page_count }) => sum + page_count, 0);
      expect(pages, `pages in bundle ${bundle}`).toBe(ids.length);
    }
  });

  it('gives every printed page, month, reporter and place its page', () => {
    for (const seedId of new Set(articles.map((r) => r.seedId))) {
      expect(existsSync(join(dist, printedPath(seedId), 'index.html')), seedId).toBe(true);
      // The first URL of every printed page still answers: the page itself, or a redirect to it.
      expect(existsSync(join(dist, 'pages', seedId, 'index.html')), seedId).toBe(true);
    }
    // Months and issues go by the day the paper was printed.
    for (const issue of issuesOf(articles)) {
      expect(existsSync(join(dist, issue.date.replaceAll('-', '/'), 'index.html')), issue.date).toBe(true);
      expect(existsSync(join(dist, 'archive', issue.date.slice(0, 4), issue.date.slice(5, 7), 'index.html'))).toBe(
        true,
      );
    }
    for (const name of new Set(articles.flatMap((r) => r.byline?.names ?? [])))
      expect(existsSync(join(dist, 'reporters', name, 'index.html'))).toBe(true);
    for (const place of new Set(articles.flatMap((r) => (r.dateline?.place ? [r.dateline.place] : [])))) {
      expect(existsSync(join(dist, 'places', place, 'index.html'))).toBe(true);
    }
  });

  it('sets each article page in Chinese with canonical, OpenGraph, JSON alternate and NewsArticle JSON-LD', () => {
    for (const record of articles) {
      const document = html(`articles/${record.id}`);
      expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
      expect(document.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(
        new RegExp(`/articles/${record.id}/$`, 'u'),
      );
      expect(document.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBeTruthy();
      expect(document.querySelector('link[rel=alternate][type="application/json"]')?.getAttribute('href')).toBe(
        record.date
          ? `/api/v1/archive/${record.date.slice(0, 4)}/${record.date.slice(5, 7)}.json`
          : '/api/v1/archive/undated.json',
      );
      const ld = JSON.parse(
        document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
      ) as Record<string, unknown>;
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld.headline).toBe(itemTitle(record));
      expect(ld.datePublished).toBe(record.date ? `${record.date}T00:00:00+08:00` : undefined);
      expect(ld).not.toHaveProperty('articleBody');
      expect(ld.alternativeHeadline).toBe(record.subheadline);
      expect(ld.dateline).toBe(record.dateline?.raw);
      expect(new URL((ld.isPartOf as { url: string }).url).pathname).toBe(printedPath(record.seedId));
    }
  });

  it('sets the dateline bold at the start of the text, or at the end as printed', () => {
    const lead = articles.find((r) => r.dateline?.position === 'lead' && r.sections.length > 0);
    const end = articles.find((r) => r.dateline?.position === 'end');
    const leadParagraph = html(`articles/${lead?.id ?? ''}`).querySelector('.article-body p');
    expect(leadParagraph?.firstElementChild?.textContent).toBe(lead?.dateline?.raw);
    const body = html(`articles/${end?.id ?? ''}`).querySelectorAll('.article-body p');
    expect(body[body.length - 1]?.textContent).toBe(end?.dateline?.raw);
  });

  it('renders subheads as <h2 id> and photo items as <figure> with caption and credit', () => {
    const withSubheads = articles.find((r) => r.sections.some((s) => s.heading));
    const headings = [...html(`articles/${withSubheads?.id ?? ''}`).querySelectorAll('.article-body h2')];
    expect(headings.map((h) => h.textContent)).toEqual(
      withSubheads?.sections.flatMap((s) => (s.heading ? [s.heading] : [])),
    );
    expect(headings.every((h) => h.id !== '')).toBe(true);
    const photo = articles.find((r) => r.kind === 'photo');
    const figure = html(`articles/${photo?.id ?? ''}`).querySelector('figure figcaption');
    expect(figure?.textContent).toContain(photo?.photos[0]?.credit?.raw);
  });

  it('links each article to its printed page, its neighbours, reporters and place', () => {
    const record = articles.find(
      (r) =>
        r.order === 2 && r.byline && r.dateline?.place && articles.some((n) => n.seedId === r.seedId && n.order === 3),
    );
    const links = [...html(`articles/${record?.id ?? ''}`).querySelectorAll('a')].map((a) =>
      decodeURIComponent(a.getAttribute('href') ?? ''),
    );
    expect(links).toContain(printedPath(record?.seedId ?? ''));
    expect(links).toContain(`/articles/${record?.seedId ?? ''}-1/`);
    expect(links).toContain(`/articles/${record?.seedId ?? ''}-3/`);
    for (const name of record?.byline?.names ?? []) expect(links).toContain(`/reporters/${name}/`);
    expect(links).toContain(`/places/${record?.dateline?.place ?? ''}/`);
  });

  it('has a search box in every header that works as a plain GET form', () => {
    const form = html('').querySelector('header form[role=search]');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.querySelector('input')?.getAttribute('name')).toBe('q');
  });

  it('publishes a well-formed RSS 2.0 feed with one item per article', () => {
    const xml = readFileSync(join(dist, 'feed.xml'), 'utf8');
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const feed = new XMLParser().parse(xml) as { rss: { channel: { item: { link: string }[] } } };
    expect(feed.rss.channel.item).toHaveLength(articles.length);
  });

  it('publishes a sitemap, robots.txt and a 404 page', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const record of articles) expect(sitemap).toContain(`/articles/${record.id}/`);
    expect(sitemap).not.toContain('/404');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toMatch(/Sitemap: http.*sitemap-index\.xml/u);
    expect(readFileSync(join(dist, '404.html'), 'utf8')).toContain('找不到这个页面');
  });

  it('ships no client JavaScript on article pages beyond 10 KB', () => {
    for (const record of articles) {
      const document = html(`articles/${record.id}`);
      const scripts = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? '');
      const bytes = scripts.reduce((sum, src) => sum + readFileSync(join(dist, src)).length, 0);
      expect(bytes).toBeLessThanOrEqual(10 * 1024);
      expect(
        [...document.querySelectorAll('script:not([src])')].every(
          (s) => s.getAttribute('type') === 'application/ld+json',
        ),
      ).toBe(true);
    }
  });
});
