import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHit, withHighlight } from '../../src/search/hits.ts';
import type { PagefindData } from '../../src/search/pagefind-api.ts';
import { HIGHLIGHT_PARAM } from '../../src/search/params.ts';
import {
  containsAll,
  escapeHtml,
  excerptHtml,
  markRanges,
  occurrences,
  sections,
  wordOffsets,
} from '../../src/search/text.ts';
import { metaLine } from '../../src/search/render.ts';

/** Pagefind's data for a page whose words are given (joined with U+200B as Pagefind stores them). */
function pageData(words: string[], anchors: PagefindData['anchors'] = []): PagefindData {
  const raw = words.join('\u200b');
  return {
    url: '/articles/x/',
    raw_url: '/articles/x/',
    content: raw.replace(/\u200b/gu, ''),
    raw_content: raw.replace(/</gu, '&lt;').replace(/>/gu, '&gt;'),
    excerpt: '',
    meta: { title: words[0] ?? '', date: '2026-04-01', page: '2026年4月1日 第3版', place: '北京' },
    filters: { kind: ['文章'] },
    anchors,
    locations: [],
  };
}

describe('finding and marking the query', () => {
  it('finds every occurrence of every term, overlapping or touching ones merged, ignoring width and case', () => {
    expect(occurrences('ＡＢ京津冀京津', ['京津', '津冀'])).toEqual([{ start: 2, end: 7 }]);
    expect(occurrences('京津 京津', ['京津'])).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
    expect(occurrences('C919大飞机', ['c919'])).toEqual([{ start: 0, end: 4 }]);
    expect(containsAll('京津冀协同发展', ['京津冀', '发展'])).toBe(true);
    expect(containsAll('京津冀协同发展', ['京津冀', '天宫'])).toBe(false);
    expect(containsAll('anything', [])).toBe(false);
  });

  it('escapes the text around and inside marks', () => {
    const text = '<script>alert("京津冀")</script>';
    const html = markRanges(text, occurrences(text, ['京津冀']));
    expect(html).toBe('&lt;script&gt;alert(&quot;<mark>京津冀</mark>&quot;)&lt;/script&gt;');
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  it('cuts an excerpt around the first match with ellipses where text was left out', () => {
    const text = `${'甲'.repeat(100)}京津冀${'乙'.repeat(100)}`;
    const html = excerptHtml(text, occurrences(text, ['京津冀']), 30);
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>京津冀</mark>');
    expect(html.replace(/<\/?mark>|…/gu, '')).toHaveLength(30);
  });
});

describe('results from Pagefind data', () => {
  it('maps Pagefind word positions to offsets and sections to their subheads', () => {
    const data = pageData(
      ['标题', '导语', '小标题', '正文', '京津冀', '协同'],
      [{ element: 'h2', id: 's2', text: '小标题', location: 2 }],
    );
    const { text, offsets } = wordOffsets(data);
    expect(text).toBe('标题导语小标题正文京津冀协同');
    expect(offsets).toEqual([0, 2, 4, 7, 9, 12]);
    expect(sections(data, offsets, text.length)).toEqual([{ id: 's2', title: '小标题', start: 4, end: 14 }]);
  });

  it('builds a result with highlight links, a marked excerpt and the section that holds the query', () => {
    const data = pageData(
      ['标题', '导语', '小标题', '正文', '京津冀', '协同'],
      [{ element: 'h2', id: 's2', text: '小标题', location: 2 }],
    );
    const hit = buildHit(data, ['京津冀'], true, 0);
    expect(hit.url).toBe('/articles/x/?pagefind-highlight=%E4%BA%AC%E6%B4%A5%E5%86%80');
    expect(hit.excerpt).toContain('<mark>京津冀</mark>');
    expect(hit.sections.map((s) => [s.title, s.url.endsWith('#s2')])).toEqual([['小标题', true]]);
    expect(metaLine(hit)).toBe('2026年4月1日 · 北京 · 第3版');
  });

  it('does not show the full stops Pagefind puts between the blocks it indexed', () => {
    const hit = buildHit(pageData(['标题', '. ', '新华社', '记者', '. ', '京津冀', '3.92', '万']), ['京津冀'], true, 0);
    expect(hit.excerpt).toBe('新华社记者 <mark>京津冀</mark>3.92万');
    expect(withHighlight('/a/?x=1', ['甲', '乙'], 's1')).toBe(
      '/a/?x=1&pagefind-highlight=%E7%94%B2&pagefind-highlight=%E4%B9%99#s1',
    );
  });
});

describe('the highlight parameter', () => {
  it('is the one the article page reads, written out there so that its script shares no chunk with the search page', () => {
    const script = readFileSync(join(import.meta.dirname, '../../src/search/highlight.ts'), 'utf8');
    expect(/const PARAM = '([^']+)';/u.exec(script)?.[1]).toBe(HIGHLIGHT_PARAM);
    expect(script).not.toMatch(/^import /mu);
  });
});
