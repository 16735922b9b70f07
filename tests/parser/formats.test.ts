import { describe, expect, it } from 'vitest';
import {
  columnOf,
  creditedNames,
  filedFrom,
  matchJump,
  pageFromFileName,
  parseByline,
  splitColumnLabel,
  splitJump,
} from '../../src/lib/index.ts';
import { onlyRecord, parseText, rules } from '../helpers/parse.ts';

/** A paragraph of body text that reads as nothing else. */
const BODY = '各地加快推进春耕生产，农机具检修和农资调运有序开展，确保不误农时。';

// Each rule is checked on text the golden fixtures do not hold: the rules are for the format.

describe('headline block across blank lines', () => {
  it.each([
    ['## 引题\n\n# 主题\n\n## ——副题', '引题', '主题', '——副题'],
    ['### 引题\n\n\n## 主题', '引题', '主题', undefined],
    ['### 引题\n\n# 主题\n\n## 副题', '引题', '主题', '副题'],
  ])('reads %j as kicker, headline and subheadline', (block, kicker, headline, subheadline) => {
    const result = parseText(`# 上一篇\n\n${BODY}\n\n新华社北京4月1日电\n\n${block}\n\n${BODY}\n`);
    expect(result.articles).toHaveLength(2);
    const record = result.articles[1];
    expect([record?.kicker, record?.headline, record?.subheadline]).toEqual([kicker, headline, subheadline]);
    expect(rules(result)).not.toContain('item/empty');
  });
});

describe('jump lines', () => {
  it.each([
    ['（下转第三版）', 'to', '3'],
    ['(下转第12版)', 'to', '12'],
    ['（转第２版）', 'to', '2'],
    ['（上接第一版）', 'from', '1'],
    ['（紧接第一版）', 'from', '1'],
    ['（接第十一版）', 'from', '11'],
  ])('reads %s as a jump %s page %s', (raw, direction, page) => {
    expect(matchJump(raw)).toEqual({ direction, page, raw });
  });

  it('finds a jump closing or opening a paragraph, not one inside it', () => {
    expect(splitJump(`${BODY}（下转第五版）`)).toEqual({
      jump: { direction: 'to', page: '5', raw: '（下转第五版）' },
      text: BODY,
    });
    expect(splitJump(`（上接第一版）${BODY}`)?.text).toBe(BODY);
    expect(splitJump(`详见（下转第五版）一文。`)).toBeUndefined();
    expect(splitJump(`${BODY}（上接第一版）`)).toBeUndefined();
  });

  it('ends the item at the jump, and a photo block after it is an item of its own', () => {
    const result = parseText(
      `# 主题\n\n${BODY}\n\n${BODY}\n\n（下转第二版）\n\n江畔春色\n4月1日拍摄的江畔春景。\n新华社发（李明 摄）\n`,
    );
    expect(result.articles.map((a) => [a.kind, a.headline, a.jumps?.map((j) => j.raw)])).toEqual([
      ['article', '主题', ['（下转第二版）']],
      ['photo', '江畔春色', undefined],
    ]);
    expect(result.articles[1]?.photos[0]?.caption).toBe('4月1日拍摄的江畔春景。');
  });

  it('ends an item before a photo block printed after its text without a closing dateline', () => {
    const result = parseText(
      `# 主题\n\n新华社北京4月1日电 ${BODY}\n\n${BODY}\n\n江畔春色\n4月1日拍摄的江畔春景。\n新华社记者 李明 摄\n`,
    );
    expect(result.articles.map((a) => [a.kind, a.headline])).toEqual([
      ['article', '主题'],
      ['photo', '江畔春色'],
    ]);
  });

  it("keeps an article's own photo (a caption with no title line) in the article", () => {
    const record = onlyRecord(`# 主题\n\n${BODY}\n\n4月1日，农民在田间作业。\n新华社记者 李明 摄\n\n${BODY}\n`);
    expect(record.photos).toHaveLength(1);
  });
});

describe('bylines: agency and/or column brand, role, names', () => {
  it.each([
    ['新华视点记者 叶青 马骁', undefined, '新华视点', ['叶青', '马骁']],
    ['新华社中国网事记者 王五', '新华社', '中国网事', ['王五']],
    ['新华社“新华视点”记者 林晖', '新华社', '新华视点', ['林晖']],
    ['新华全媒+记者 张三', undefined, '新华全媒+', ['张三']],
    ['新华社特约记者 陈文', '新华社', undefined, ['陈文']],
    ['新华网记者 李四', '新华网', undefined, ['李四']],
  ])('reads %s', (raw, agency, column, names) => {
    const credit = parseByline(raw);
    expect([credit?.agency, credit?.column, credit?.names]).toEqual([agency, column, names]);
  });

  it('makes a column-brand byline the byline, not a subhead, and its brand the column', () => {
    const record = onlyRecord(`# 主题\n\n新华社中国网事记者 王五\n\n${BODY}\n\n新华社北京4月1日电\n`);
    expect(record.byline?.names).toEqual(['王五']);
    expect(record.sections.map((s) => s.heading)).toEqual([undefined]);
    expect(columnOf(record)).toBe('中国网事');
  });

  it('keeps each name its own role', () => {
    expect(parseByline('（记者 郑远 实习生 刘畅）')?.people).toEqual([
      { name: '郑远', role: '记者' },
      { name: '刘畅', role: '实习生' },
    ]);
    expect(parseByline('新华社记者 甲乙 新华社特约记者 丙丁 通讯员 戊己')?.people).toEqual([
      { name: '甲乙', role: '记者' },
      { name: '丙丁', role: '特约记者' },
      { name: '戊己', role: '通讯员' },
    ]);
  });

  it('does not read body text that opens with a role as a byline', () => {
    expect(parseByline('记者4月1日从教育部获悉，')).toBeUndefined();
    expect(parseByline('新华社发')).toBeUndefined();
  });
});

describe('column breaks before opening punctuation', () => {
  it.each(['“', '‘', '《', '（', '【'])('joins a paragraph cut before %s', (mark) => {
    const cut = '专家指出，这项工作的关键在于';
    const result = parseText(`# 主题\n\n${cut}\n\n${mark}这是后半句${BODY}\n`);
    expect(result.articles[0]?.sections[0]?.paragraphs).toEqual([`${cut}${mark}这是后半句${BODY}`]);
    expect(rules(result)).toContain('paragraph/column-break');
  });

  it('does not join after closing punctuation', () => {
    const record = onlyRecord(`# 主题\n\n${BODY}\n\n“${BODY}”\n`);
    expect(record.sections[0]?.paragraphs).toHaveLength(2);
  });
});

describe('roundups with several datelines', () => {
  const result = parseText(
    `# 综述丨主题\n\n新华社北京4月19日电 ${BODY}\n\n新华社巴黎4月19日电（记者 唐霁）${BODY}\n\n新华社内罗毕４月１９日专电（记者 黎华玲 实习生 赵乐）${BODY}\n`,
  );
  const record = result.articles[0];

  it('keeps the first dateline as the record’s and the later ones, with their credits, as datelines', () => {
    expect(record?.dateline?.place).toBe('北京');
    expect(record?.datelines?.map((d) => [d.place, d.kind, d.credit?.names])).toEqual([
      ['巴黎', '电', ['唐霁']],
      ['内罗毕', '专电', ['黎华玲', '赵乐']],
    ]);
    expect(record?.sections[0]?.paragraphs[1]).toBe(`新华社巴黎4月19日电（记者 唐霁）${BODY}`);
    expect(rules(result)).not.toContain('item/unplaced-credit');
  });

  it('files the item under every place and every reporter', () => {
    if (!record) throw new Error('no record');
    expect(filedFrom(record)).toEqual(['北京', '巴黎', '内罗毕']);
    expect(creditedNames(record)).toEqual(['唐霁', '黎华玲', '赵乐']);
  });

  it('still reports a second byline inside the text', () => {
    const twice = parseText(`# 主题\n\n新华社记者 甲乙\n\n${BODY}\n\n新华社记者 丙丁\n\n${BODY}\n`);
    expect(rules(twice)).toContain('item/unplaced-credit');
  });
});

describe('column labels', () => {
  it.each([
    ['新华视点丨老旧小区加装电梯为何“卡壳”', '新华视点', '老旧小区加装电梯为何“卡壳”'],
    ['综述｜多国人士积极评价', '综述', '多国人士积极评价'],
    ['记者观察 | 一座城市的转身', '记者观察', '一座城市的转身'],
    ['新华全媒+丨春日花海', '新华全媒+', '春日花海'],
  ])('splits %s', (text, column, rest) => {
    expect(splitColumnLabel(text)).toEqual({ column, rest });
  });

  it('leaves headlines without a label alone', () => {
    expect(splitColumnLabel('科技创新实现新突破')).toBeUndefined();
    expect(splitColumnLabel('丨开头的标题')).toBeUndefined();
  });

  it('takes the label off the headline of an item with no heading marker too', () => {
    const result = parseText(`# 上一篇\n\n${BODY}\n\n新华社北京4月1日电\n\n调查丨春耕一线见闻\n\n${BODY}\n`);
    expect([result.articles[1]?.column, result.articles[1]?.headline]).toEqual(['调查', '春耕一线见闻']);
  });
});

describe('issue page and dates', () => {
  it.each([
    ['20260420-03.txt', '3'],
    ['xinhua-20260420-12.txt', '12'],
    ['20260420-A3.txt', undefined],
    ['2026-04-20-03.txt', undefined],
    ['20260420.txt', undefined],
    ['20260420-00.txt', undefined],
  ])('reads the page of %s as %s', (file, page) => {
    expect(pageFromFileName(file)).toBe(page);
  });

  it('prefers the front-matter page, full-width digits read as ASCII', () => {
    const record = onlyRecord(
      `---\ndate: ２０２６－０４－２０\npage: Ａ０３\n---\n# 主题\n\n${BODY}\n`,
      '20260420-05.txt',
    );
    expect([record.issue.date, record.issue.page, record.date, record.dateSource]).toEqual([
      '2026-04-20',
      'A03',
      '2026-04-20',
      'front-matter',
    ]);
  });

  it('reads full-width digits in a dateline as ASCII digits', () => {
    const record = onlyRecord(`# 主题\n\n新华社北京４月１９日电 ${BODY}\n`, '20260420-02.txt');
    expect([record.date, record.dateSource, record.yearSource]).toEqual(['2026-04-19', 'text', 'file-name']);
  });
});
