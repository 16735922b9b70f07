import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeed, type ArticleRecord } from '../../src/lib/index.ts';
import { citationAuthors, citationSource, type CitationContext } from '../../src/site/citation.ts';
import { bibtex, CITATION_FORMATS, cslItem, cslJson, gbt7714, ris } from '../../src/site/citation-formats.ts';
import {
  citationData,
  citationFromPage,
  citationTags,
  type CitationData,
  type CitationDataset,
} from '../../src/site/citation-tags.ts';
import { FIXTURES, fixtureCases } from '../helpers/fixtures.ts';

// Golden files are reviewed by hand; regenerate one only with UPDATE=1 and read the diff.
const update = process.env.UPDATE === '1';
const GOLDEN = join(import.meta.dirname, 'golden');

/** The records of one fixture case. */
function records(name: string, file: string): ArticleRecord[] {
  return parseSeed({ file, content: readFileSync(join(FIXTURES, name, 'seed.txt')) }).articles;
}

const realSeed = records('real-seed', '000_3fa1046521e36f31.txt');

/** The record at `index`, failing the test when there is none. */
function nth(list: readonly ArticleRecord[], index: number): ArticleRecord {
  const record = list[index];
  if (!record) throw new Error(`no record ${index}`);
  return record;
}
/** The real seed names no paper and the site configures none: the citations say so. */
const context = (record: ArticleRecord): CitationContext => ({
  paper: undefined,
  url: `https://example.org/articles/${record.id}/`,
});

/** Compares with a golden file, or writes it under UPDATE=1. */
function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (update) writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing: write it with UPDATE=1, then read every line`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('citations of the real seed (golden, reviewed by hand)', () => {
  const sources = realSeed.map((record) => citationSource(record, context(record)));

  it('has its six items', () => {
    expect(sources).toHaveLength(6);
  });
  it('GB/T 7714-2015', () => {
    golden('real-seed.gbt7714.txt', sources.map((s) => `${gbt7714(s)}\n`).join(''));
  });
  it('biblatex', () => {
    golden('real-seed.bib', sources.map(bibtex).join('\n'));
  });
  it('RIS', () => {
    golden('real-seed.ris', sources.map(ris).join('\n'));
  });
  it('CSL-JSON', () => {
    golden('real-seed.csl.json', `${JSON.stringify(sources.map(cslItem), null, 2)}\n`);
  });
});

describe('who the authors are', () => {
  const [first, second, fourth, photo] = [0, 1, 3, 4].map((i) => nth(realSeed, i)) as [
    ArticleRecord,
    ArticleRecord,
    ArticleRecord,
    ArticleRecord,
  ];
  it('names one author per person as printed', () => {
    expect(citationAuthors(second)).toEqual([
      { name: '王隼', kind: 'person' },
      { name: '张晔洁', kind: 'person' },
    ]);
    expect(citationAuthors(first)).toEqual([{ name: '胡喆', kind: 'person' }]);
  });
  it('never takes 新华社记者 for a person: a byline with no name is the agency, a corporate author', () => {
    expect(citationAuthors(fourth)).toEqual([{ name: '新华社', kind: 'organization' }]);
    expect(gbt7714(citationSource(fourth, context(fourth)))).toMatch(/^新华社\. /u);
  });
  it('credits a photo item to its photographer', () => {
    expect(citationAuthors(photo)).toEqual([{ name: '前方平', kind: 'person' }]);
  });
  it('opens with the title when nothing names an author (GB/T 7714-2015 8.1.3)', () => {
    const [record] = parseSeed({ file: 'p.txt', content: '# 标题\n\n正文一段。\n' }).articles;
    const source = citationSource(
      nth(
        [record].flatMap((r) => (r ? [r] : [])),
        0,
      ),
      { paper: '某报', url: 'https://example.org/a/' },
    );
    expect(source.authors).toEqual([]);
    expect(gbt7714(source)).toBe('标题[N]. 某报, [出版日期不详].');
    expect(bibtex(source)).not.toContain('author');
    expect(ris(source)).not.toContain('AU  -');
  });
  it('lists three people then 等', () => {
    const record = { ...second };
    record.byline = {
      raw: '（记者甲 乙 丙 丁）',
      names: ['甲', '乙', '丙', '丁'],
      people: ['甲', '乙', '丙', '丁'].map((name) => ({ name, role: '记者' })),
      position: 'lead',
    };
    expect(gbt7714(citationSource(record, context(record)))).toMatch(/^甲, 乙, 丙, 等\. /u);
    expect(ris(citationSource(record, context(record))).match(/^AU {2}- /gmu)).toHaveLength(4);
  });
});

describe("the paper's name, date and page", () => {
  const [record] = records('front-matter-unknown-keys', 'front-matter-unknown-keys.txt');
  it("takes the paper from the seed's front matter before the site's configuration", () => {
    const source = citationSource(
      nth(
        [record].flatMap((r) => (r ? [r] : [])),
        0,
      ),
      { paper: '配置的报名', url: 'https://example.org/a/' },
    );
    expect(source.paper).toBe('新华每日电讯');
    expect(gbt7714(source)).toBe('王隼, 张晔洁. 三部门发文推动员工录用“一件事”高效办理[N]. 新华每日电讯, 2026-04-02.');
    expect(bibtex(source)).toContain('  journaltitle = {新华每日电讯},\n  date = {2026-04-02},');
    expect(ris(source)).toContain('T2  - 新华每日电讯\nDA  - 2026/04/02/\nPY  - 2026\n');
    expect(cslItem(source)).toMatchObject({
      'container-title': '新华每日电讯',
      issued: { 'date-parts': [[2026, 4, 2]] },
    });
    expect(cslItem(source).issued).not.toHaveProperty('circa');
  });
  it('takes the configured paper when the seed names none, and prints the page as 版次', () => {
    const page: ArticleRecord = { ...nth(realSeed, 1), issue: { date: '2026-04-02', page: 'A05' } };
    const source = citationSource(page, { paper: '配置的报名', url: 'https://example.org/a/' });
    expect(gbt7714(source)).toBe(
      '王隼, 张晔洁. 三部门发文推动员工录用“一件事”高效办理[N]. 配置的报名, 2026-04-02(A05).',
    );
    expect(ris(source)).toContain('SP  - A05\n');
    expect(bibtex(source)).toContain('  pages = {A05},');
  });
  it('escapes BibTeX specials but not the URL', () => {
    const record: ArticleRecord = { ...nth(realSeed, 1), headline: '5% & {更多} #1_a' };
    const text = bibtex(citationSource(record, { paper: undefined, url: 'https://example.org/a_b/%E4/' }));
    expect(text).toContain('  title = {5\\% \\& \\{更多\\} \\#1\\_a},');
    expect(text).toContain('  url = {https://example.org/a_b/%E4/},');
  });
});

describe("the citation read back from a page's tags and the block's data-* attributes", () => {
  /** `citationData` as the browser's `dataset` gives it: strings, absent when unset. */
  const dataset = (data: CitationData): CitationDataset => ({ ...data });
  const all = fixtureCases().flatMap((fixture) =>
    parseSeed(fixture.input).articles.map((record, i) =>
      // Every other item under a configured paper name, so the paper's tags are read back too.
      citationSource(record, { paper: i % 2 ? '配置的报名' : undefined, url: `https://example.org/a/${record.id}/` }),
    ),
  );

  it('gives back every fixture item as it was: people and agencies, estimated dates, no date, no page', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((s) => s.dateEstimated)).toBe(true);
    expect(all.some((s) => s.date === undefined)).toBe(true);
    expect(all.some((s) => s.authors.length === 0)).toBe(true);
    expect(all.some((s) => s.authors.some((a) => a.kind === 'organization'))).toBe(true);
    expect(all.some((s) => s.page)).toBe(true);
    for (const source of all) {
      const read = citationFromPage(citationTags(source), dataset(citationData(source)));
      expect(read, source.id).toEqual(source);
      if (!read) continue;
      for (const format of CITATION_FORMATS) expect(format.text(read), source.id).toBe(format.text(source));
    }
  });
  it("makes the real seed's goldens from its tags, byte for byte", () => {
    const read = realSeed.map((record) => {
      const source = citationSource(record, context(record));
      return citationFromPage(citationTags(source), dataset(citationData(source)));
    });
    const sources = read.flatMap((s) => (s ? [s] : []));
    expect(sources).toHaveLength(6);
    expect(sources.map(bibtex).join('\n')).toBe(readFileSync(join(GOLDEN, 'real-seed.bib'), 'utf8'));
    expect(sources.map(ris).join('\n')).toBe(readFileSync(join(GOLDEN, 'real-seed.ris'), 'utf8'));
    // The browser offers each item's CSL-JSON as a file of its own: the golden's items, one each.
    const items = JSON.parse(readFileSync(join(GOLDEN, 'real-seed.csl.json'), 'utf8')) as unknown[];
    expect(sources.map(cslJson)).toEqual(items.map((item) => `${JSON.stringify([item], null, 2)}\n`));
  });
  it('prints the tags citation managers read: one author per person, the date with slashes, the paper and page', () => {
    const source = citationSource(nth(realSeed, 1), { paper: '新华每日电讯', url: 'https://example.org/a/' });
    expect(citationTags({ ...source, page: 'A05' })).toEqual([
      ['citation_title', '三部门发文推动员工录用“一件事”高效办理'],
      ['citation_author', '王隼'],
      ['citation_author', '张晔洁'],
      ['citation_publication_date', '2026/04/01'],
      ['citation_journal_title', '新华每日电讯'],
      ['citation_firstpage', 'A05'],
      ['citation_language', 'zh'],
      ['citation_public_url', 'https://example.org/a/'],
      ['DC.type', 'NewsItem'],
      ['DC.title', '三部门发文推动员工录用“一件事”高效办理'],
      ['DC.creator', '王隼'],
      ['DC.creator', '张晔洁'],
      ['DC.date', '2026-04-01'],
      ['DC.source', '新华每日电讯, 第A05版'],
      ['DC.language', 'zh'],
      ['DC.identifier', 'https://example.org/a/'],
    ]);
  });
  it('reads nothing from a page without the id, the title or the URL', () => {
    const source = citationSource(nth(realSeed, 0), context(nth(realSeed, 0)));
    const tags = citationTags(source);
    expect(citationFromPage(tags, {})).toBeUndefined();
    expect(
      citationFromPage(
        tags.filter(([name]) => name !== 'citation_title'),
        { citation: 'x' },
      ),
    ).toBeUndefined();
    expect(
      citationFromPage(
        tags.filter(([name]) => name !== 'citation_public_url'),
        { citation: 'x' },
      ),
    ).toBeUndefined();
  });
});
