import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeed, type ArticleRecord } from '../../src/lib/index.ts';
import { excerptHtml, feedItem, recordHtml, rfc822 } from '../../src/site/feed.ts';
import { FIXTURES } from '../helpers/fixtures.ts';

const records = ['real-seed', 'markup-literal', 'international'].flatMap(
  (name) => parseSeed({ file: `${name}.txt`, content: readFileSync(join(FIXTURES, name, 'seed.txt')) }).articles,
);

/** The record at `index`, failing the test when there is none. */
function nth(index: number): ArticleRecord {
  const record = records[index];
  if (!record) throw new Error(`no record ${index}`);
  return record;
}

/** An item as fast-xml-parser reads it. */
interface Item {
  title?: string;
  description?: string;
  author?: string;
  pubDate?: string;
  link?: string;
  guid?: unknown;
}

/** The feed as the site builds it, from these records. */
async function feed(): Promise<string> {
  return getRssString({
    title: '档案',
    description: '描述',
    site: 'https://example.org/',
    stylesheet: '/feed.xsl',
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<atom:link href="https://example.org/feed.xml" rel="self" type="application/rss+xml"/>',
    items: records.map((record) => feedItem(record, `https://example.org/articles/${record.id}/`)),
  });
}

/** Paragraph texts of an HTML fragment. */
function paragraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll('p')].map((p) => p.textContent);
}

describe('the RSS 2.0 feed (W3C Feed Validator rules)', () => {
  it('is well-formed XML with the channel and item elements RSS 2.0 requires', async () => {
    const text = await feed();
    expect(SyntaxValidator.validate(text)).toBe(true);
    expect(text).toContain('<?xml-stylesheet href="/feed.xsl" type="text/xsl"?>');
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['item', 'dc:creator'].includes(name),
    }).parse(text) as {
      rss: { '@_version': string; channel: Record<string, unknown> & { item: Item[] } };
    };
    expect(doc.rss['@_version']).toBe('2.0');
    // Every prefix the feed uses is declared, with the URI feed readers know it by.
    expect(doc.rss).toMatchObject({
      '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
    });
    const prefixes = new Set([...text.matchAll(/<([a-z]+):[A-Za-z]+[\s>/]/gu)].map((m) => m[1]));
    expect([...prefixes].sort()).toEqual(['atom', 'content', 'dc']);
    const { channel } = doc.rss;
    for (const key of ['title', 'link', 'description']) expect(channel[key], key).toBeTruthy();
    expect(channel['atom:link']).toMatchObject({ '@_rel': 'self', '@_type': 'application/rss+xml' });
    expect(channel.item).toHaveLength(records.length);
    for (const [i, item] of channel.item.entries()) {
      const record = nth(i);
      expect(item.title ?? item.description).toBeTruthy();
      expect(item.link).toBe(`https://example.org/articles/${record.id}/`);
      expect(item.guid).toMatchObject({ '#text': item.link, '@_isPermaLink': 'true' });
      expect(item.author, 'author must be an e-mail address: names go in dc:creator').toBeUndefined();
      if (record.date)
        expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} 00:00:00 \+0800$/u);
    }
  });
  it('names one dc:creator per person as printed', async () => {
    const doc = new XMLParser({ isArray: (name) => ['item', 'dc:creator'].includes(name) }).parse(await feed()) as {
      rss: { channel: { item: { 'dc:creator'?: string[] }[] } };
    };
    expect(doc.rss.channel.item.slice(0, 6).map((item) => item['dc:creator'])).toEqual([
      ['胡喆'],
      ['王隼', '张晔洁'],
      ['李国利', '刘一诺'],
      ['新华社'],
      ['前方平'],
      ['刘诗平'],
    ]);
  });
  it("carries the full text in content:encoded, parsed back to the record's paragraphs", async () => {
    const doc = new XMLParser({ isArray: (name) => name === 'item', processEntities: true, htmlEntities: false }).parse(
      await feed(),
    ) as { rss: { channel: { item: { 'content:encoded': string; description: string }[] } } };
    for (const [i, item] of doc.rss.channel.item.entries()) {
      const record = nth(i);
      const found = paragraphs(item['content:encoded']);
      const printed = record.sections.flatMap((s) => s.paragraphs);
      if (printed.length === 0) {
        // A photo item: its captions, line by line.
        const captions = record.photos.flatMap((photo) => photo.caption.split('\n'));
        expect(captions.length, record.id).toBeGreaterThan(0);
        for (const line of captions) expect(found.join('\n'), record.id).toContain(line);
        continue;
      }
      // In print order, one <p> each; the first follows a lead dateline and byline in its <p>.
      const start = found.findIndex((f) => f.endsWith(printed[0] ?? ''));
      expect(start, record.id).toBeGreaterThanOrEqual(0);
      expect(found.slice(start + 1, start + printed.length), record.id).toEqual(printed.slice(1));
      if (record.dateline?.position !== 'lead') expect(found[start], record.id).toBe(printed[0]);
      expect(paragraphs(item.description).length).toBeGreaterThan(0);
    }
  });
  it('keeps printed < and & as text, never markup', () => {
    const { dateline: _d, byline: _b, ...rest } = nth(1);
    const record: ArticleRecord = { ...rest, sections: [{ paragraphs: ['a<b>c</b> & d', '第二段'] }] };
    expect(recordHtml(record)).toContain('a&#x3C;b>c&#x3C;/b> &#x26; d');
    expect(paragraphs(recordHtml(record))).toContain('a<b>c</b> & d');
    expect(paragraphs(excerptHtml(record))).toEqual(['a<b>c</b> & d', '第二段']);
  });
  it('dates items in RFC 822 with the Beijing offset', () => {
    expect(rfc822('2026-04-01')).toBe('Wed, 01 Apr 2026 00:00:00 +0800');
  });
});
