import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { citationAuthors, citationSource } from '../../../src/site/citation.ts';
import { gbt7714 } from '../../../src/site/citation-formats.ts';
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
  it('shows 引用本文 with the GB/T 7714 line, the URL, and the three other formats in the page', () => {
    for (const record of articles) {
      const document = html(`articles/${record.id}`);
      const block = document.querySelector('section.citation');
      const url = `http://localhost:4321/articles/${record.id}/`;
      expect(block?.querySelector('h2')?.textContent).toBe('引用本文');
      expect(block?.querySelector('#citation-gbt')?.textContent).toBe(
        gbt7714(citationSource(record, { paper: undefined, url })),
      );
      expect(block?.querySelector('.citation-url a')?.getAttribute('href')).toBe(url);
      expect(block?.querySelector('#citation-bibtex')?.textContent).toMatch(/^@article\{/u);
      expect(block?.querySelector('#citation-ris')?.textContent).toMatch(/^TY {2}- NEWS\n/u);
      expect(JSON.parse(block?.querySelector('#citation-csl')?.textContent ?? '')).toMatchObject([
        { type: 'article-newspaper' },
      ]);
      expect(block?.querySelectorAll('button[hidden]').length).toBe(7);
    }
  });
});

describe('what search engines and link previews read', () => {
  it('dates JSON-LD in Beijing time, names reporters as Person with a URL, gives publisher a logo', () => {
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
      expect(document.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(ld.publisher.logo.url);
    }
  });
  it('gives the 404 page no og:url (it is not a page of its own)', () => {
    const document = parseHTML(readFileSync(join(dist, '404.html'), 'utf8')).document;
    expect(document.querySelector('meta[property="og:url"]')).toBeNull();
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
