import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleRecordSchema,
  conservationDifference,
  decode,
  DiagnosticSink,
  parseSeed,
  parseSeeds,
  type ParseResult,
} from '../../src/lib/index.ts';
import { fixtureCases, realSeed, type FixtureCase } from '../helpers/fixtures.ts';
import { MARKUP_LITERALS } from '../helpers/hostile.ts';
import { rules } from '../helpers/parse.ts';

const cases = new Map(fixtureCases().map((c) => [c.name, c]));
const fixture = (name: string): FixtureCase => {
  const found = cases.get(name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
};
const parsed = (name: string): ParseResult => parseSeed(fixture(name).input);
/** The printed content of a result, without ids and file names, to compare encodings of one page. */
const content = (result: ParseResult) =>
  result.articles.map(({ headline, byline, dateline, sections, photos }) => ({
    headline,
    byline,
    dateline,
    sections,
    photos,
  }));

describe('encodings', () => {
  const utf8 = content(parsed('encoding-utf8-bom'));

  it.each(['encoding-utf16le-bom', 'encoding-utf16be-bom', 'encoding-gb18030', 'front-matter-empty'])(
    '%s reads as the same page as UTF-8 with a BOM',
    (name) => {
      expect(content(parsed(name))).toEqual(utf8);
    },
  );

  it('reads UTF-8 with a BOM without a diagnostic and keeps the BOM out of the text', () => {
    const result = parsed('encoding-utf8-bom');
    expect(result.diagnostics).toEqual([]);
    expect(JSON.stringify(result.articles)).not.toContain('\ufeff');
  });

  it('detects GB18030, decodes it and says so', () => {
    expect(parsed('encoding-gb18030').diagnostics.map((d) => [d.rule, d.severity])).toEqual([
      ['decode/gb18030', 'warning'],
    ]);
  });

  it('reports undecodable bytes as an error naming the file and the first bad offset, with no records', () => {
    const result = parsed('encoding-invalid');
    expect(result.articles).toEqual([]);
    expect(result.diagnostics).toMatchObject([
      { file: 'broken.txt', line: 0, rule: 'decode/invalid', severity: 'error' },
    ]);
    expect(result.diagnostics[0]?.message).toContain('offset 2');
  });
});

describe('line endings, padding and control characters', () => {
  const lf = content(parsed('encoding-utf8-bom'));

  it.each(['line-endings-crlf', 'line-endings-cr'])('%s reads like LF, with the same line numbers', (name) => {
    const result = parsed(name);
    expect(content(result)).toEqual(lf);
    expect(result.articles[0]?.line).toBe(1);
  });

  it('trims tab, U+3000 and NBSP indentation and trailing spaces, and still finds byline and dateline', () => {
    const [record] = parsed('indentation').articles;
    expect(record?.headline).toBe('清明假期天气速览');
    expect(record?.byline?.names).toEqual(['刘诗平']);
    expect(record?.dateline?.position).toBe('end');
    expect(record?.sections[0]?.paragraphs.every((p) => p === p.trim() && !/^[\u3000\u00a0]/u.test(p))).toBe(true);
  });

  it('drops NUL and other control characters with a warning, and none reach a record', () => {
    const result = parsed('control-characters');
    expect(rules(result)).toContain('text/control-character');
    expect(JSON.stringify(result.articles)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\\u00/u);
    expect(result.articles[0]?.headline).toBe('天宫画展在中国空间站开展');
  });
});

describe('odd pages', () => {
  it.each(['empty', 'whitespace-only'])('%s yields no records and a seed/empty warning', (name) => {
    const result = parsed(name);
    expect(result.articles).toEqual([]);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['seed/empty']);
  });

  it('keeps a page with no heading as one item with no headline, and warns', () => {
    const result = parsed('no-heading');
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]?.headline).toBe('');
    expect(result.articles[0]?.sections[0]?.paragraphs).toHaveLength(2);
    expect(rules(result)).toContain('item/missing-headline');
  });

  it('keeps a heading with no body as an empty item, and warns', () => {
    const result = parsed('heading-without-body');
    expect(result.articles.map((a) => [a.headline, a.sections])).toEqual([['科技创新实现新突破', []]]);
    expect(rules(result)).toContain('item/empty');
  });

  it('keeps bylines and datelines with no article, and warns about each', () => {
    const result = parsed('orphan-byline-dateline');
    expect(result.articles[0]).toMatchObject({
      headline: '',
      byline: { names: ['胡喆'] },
      dateline: { raw: '新华社北京3月31日电' },
    });
    expect(result.articles[1]?.sections[0]?.paragraphs).toEqual([
      '国际油价1日小幅上涨。',
      '新华社北京4月1日电',
      '新华社记者 刘诗平',
      '新华社北京4月2日电',
    ]);
    expect(rules(result).filter((r) => r === 'item/unplaced-credit')).toHaveLength(3);
  });

  it('parses a 2 MB page on a single line', () => {
    const paragraph = new TextDecoder().decode(realSeed().content).split('\n')[10] ?? '';
    const line = paragraph.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(paragraph)));
    const result = parseSeed({ file: 'one-line.txt', content: `# 超长单行\n\n${line}\n` });
    expect(Buffer.byteLength(line)).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(result.articles).toHaveLength(1);
    expect(result.articles[0]?.sections[0]?.paragraphs).toEqual([line]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('parses 5,000 items in one file', () => {
    const items = Array.from(
      { length: 5000 },
      (_, i) => `## 第${i + 1}条消息\n\n新华社北京4月1日电 记者获悉，第${i + 1}项工作进展顺利。\n`,
    );
    const result = parseSeed({ file: 'xinhua-2026-04-01-99.txt', content: items.join('\n') });
    expect(result.articles).toHaveLength(5000);
    expect(result.articles.at(-1)).toMatchObject({
      id: 'xinhua-2026-04-01-99-5000',
      headline: '第5000条消息',
      date: '2026-04-01',
    });
    expect(result.diagnostics).toEqual([]);
  });
});

describe('front matter', () => {
  it('treats a page that only opens with a --- line as having no front matter', () => {
    const result = parseSeed({ file: 'x.txt', content: '---\n\n# 标题文字\n\n记者获悉，工作进展顺利。\n' });
    expect(result.diagnostics.filter((d) => d.rule.startsWith('front-matter/'))).toEqual([]);
    expect(result.articles.at(-1)?.headline).toBe('标题文字');
  });

  it('reports malformed YAML as an error at its line and still parses the page', () => {
    const result = parsed('front-matter-malformed');
    expect(result.diagnostics[0]).toMatchObject({ rule: 'front-matter/invalid-yaml', severity: 'error', line: 5 });
    expect(result.articles[0]?.headline).toBe('三部门发文推动员工录用“一件事”高效办理');
    expect(result.articles[0]?.line).toBe(6);
  });

  it('warns about unknown keys at their lines and keeps the known ones (paper: names the newspaper)', () => {
    const result = parsed('front-matter-unknown-keys');
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([['front-matter/unknown-key', 4]]);
    expect(result.articles[0]?.issue).toEqual({ date: '2026-04-02', paper: '新华每日电讯' });
  });

  it('rejects wrong types (date: yesterday, page: a list) with errors and ignores those values', () => {
    const result = parsed('front-matter-wrong-types');
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.rule, d.line])).toEqual([
      ['front-matter/invalid-date', 2],
      ['front-matter/invalid-value', 3],
    ]);
    expect(result.articles[0]?.issue).toEqual({ date: null, section: '要闻' });
  });

  it('makes an id with ../, /, spaces and Han characters safe, and warns', () => {
    const result = parsed('front-matter-unsafe-id');
    const [record] = result.articles;
    expect(record?.seedId).toMatch(/^[a-z0-9][a-z0-9_-]*$/u);
    expect(record?.id).not.toMatch(/\.\.|\/|\s/u);
    expect(rules(result)).toContain('front-matter/unsafe-id');
  });

  it('keeps two seeds with the same id under distinct ids, with a warning', () => {
    const dir = fixture('duplicate-id').dir;
    const result = parseSeeds(
      ['seed.txt', 'other.txt'].map((name) => ({ file: name, content: readFileSync(join(dir, name)) })),
    );
    expect(result.articles.map((a) => a.id)).toEqual(['xinhua-dup-1', 'xinhua-dup-2-1']);
    expect(result.diagnostics).toMatchObject([{ file: 'other.txt', rule: 'id/duplicate', severity: 'warning' }]);
  });
});

describe('markup and HTML in the text', () => {
  const [record] = parsed('markup-literal').articles;
  const text = JSON.stringify(record);

  it.each(MARKUP_LITERALS)('keeps %s as the literal printed characters', (literal) => {
    expect(text).toContain(JSON.stringify(literal).slice(1, -1));
  });
});

describe('conservation', () => {
  for (const c of fixtureCases()) {
    it(`${c.name}: every Han character and digit of the seed lands in its records`, () => {
      const sink = new DiagnosticSink(c.input.file);
      const { text } = decode(c.input.content, sink);
      const result = parseSeed(c.input);
      if (text === null) {
        expect(result.articles).toEqual([]);
        return;
      }
      const body = text.startsWith('---') ? text.replace(/^---[\s\S]*?\n---[^\n]*\n/u, '') : text;
      expect(conservationDifference(body, result.articles)).toEqual(new Map());
      for (const record of result.articles) expect(articleRecordSchema.safeParse(record).success).toBe(true);
    });
  }
});
