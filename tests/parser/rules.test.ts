import { describe, expect, it } from 'vitest';
import {
  dateFromFileName,
  isTitleLike,
  matchDateline,
  parseByline,
  parsePhotoCredit,
  splitCaptionCredit,
  yearFromText,
} from '../../src/lib/index.ts';
import { onlyRecord, parseText, rules } from '../helpers/parse.ts';

const BODY = '记者近日从有关部门获悉，相关工作进展顺利。';

describe('items', () => {
  it('starts an item at every # and ##', () => {
    const { articles } = parseText(`# 第一篇标题\n\n${BODY}\n\n## 第二篇标题\n\n${BODY}\n\n# 第三篇标题\n\n${BODY}\n`);
    expect(articles.map((a) => a.headline)).toEqual(['第一篇标题', '第二篇标题', '第三篇标题']);
  });

  it('takes a ## right below a # as the subheadline, not a new item', () => {
    const record = onlyRecord(`# 主标题文字\n\n## 副标题文字\n\n${BODY}\n`);
    expect([record.headline, record.subheadline]).toEqual(['主标题文字', '副标题文字']);
  });

  it('takes a ## starting with —— right below a ## as the subheadline', () => {
    const record = onlyRecord(`## 主标题文字\n\n## ——副标题文字\n\n${BODY}\n`);
    expect(record.subheadline).toBe('——副标题文字');
  });

  it('ignores an empty ## below a headline', () => {
    expect(onlyRecord(`# 京\n##\n\n${BODY}\n`).subheadline).toBeUndefined();
  });

  it('does not take a ## after body text as a subheadline', () => {
    expect(parseText(`# 主标题文字\n\n${BODY}\n\n## 另一篇标题\n\n${BODY}\n`).articles).toHaveLength(2);
  });

  it('reads a ### or a short line set directly above the headline as its kicker', () => {
    expect(onlyRecord(`### 一线调查\n# 主标题文字\n\n${BODY}\n`).kicker).toBe('一线调查');
    const { articles } = parseText(
      `# 前一篇\n\n${BODY}\n\n新华社北京4月1日电\n\n冰雪经济持续升温\n# 主标题文字\n\n${BODY}\n`,
    );
    expect(articles.map((a) => [a.kicker, a.headline])).toEqual([
      [undefined, '前一篇'],
      ['冰雪经济持续升温', '主标题文字'],
    ]);
  });

  it('starts a photo item after a closing dateline even with no heading marker', () => {
    const { articles } = parseText(
      `# 前一篇\n\n${BODY}\n\n新华社北京4月1日电\n\n图片新闻标题文字  \n4月1日，游客在公园赏花。  \n新华社发（张三摄）\n`,
    );
    expect(articles.map((a) => [a.kind, a.headline])).toEqual([
      ['article', '前一篇'],
      ['photo', '图片新闻标题文字'],
    ]);
  });

  it('warns when an item has no headline and keeps its text', () => {
    const result = parseText(`${BODY}\n`);
    expect(result.articles[0]?.headline).toBe('');
    expect(result.articles[0]?.sections[0]?.paragraphs).toEqual([BODY]);
    expect(rules(result)).toContain('item/missing-headline');
  });
});

describe('bylines', () => {
  it.each([
    ['新华社记者 胡喆', '新华社', ['胡喆']],
    ['新华社记者', '新华社', []],
    ['（记者王隼 张晔洁）', undefined, ['王隼', '张晔洁']],
    ['新华社记者　王　鹏', '新华社', ['王鹏']],
    ['新华社记者 张三，李四', '新华社', ['张三', '李四']],
    ['新华社“新华视点”记者 王建华、李晓明', '新华社', ['王建华', '李晓明']],
    ['记者 张涛 实习生 孙悦', undefined, ['张涛', '孙悦']],
    ['（新华社记者 陈杰 实习生 赵敏）', '新华社', ['陈杰', '赵敏']],
    ['(记者 刘亚南)', undefined, ['刘亚南']],
  ])('%s → names %j', (raw, agency, names) => {
    const credit = parseByline(raw);
    expect(credit).toMatchObject({ raw, names, role: '记者' });
    expect(credit?.agency).toBe(agency);
  });

  it.each([
    '记者4月1日获悉，人力资源社会保障部',
    '科技兴则民族兴，科技强则国家强。',
    '新华社记者 鞠鹏 摄',
    '新华社发（前方平摄）',
  ])('%s is not a byline', (text) => {
    expect(parseByline(text)).toBeUndefined();
  });

  it('reads a bracketed byline at the end of an article', () => {
    const record = onlyRecord(`## 标题文字\n\n新华社北京4月2日电 ${BODY}\n\n（新华社记者 陈杰 实习生 赵敏）\n`);
    expect(record.byline?.names).toEqual(['陈杰', '赵敏']);
    expect(record.sections[0]?.paragraphs).toEqual([BODY]);
  });
});

describe('datelines', () => {
  it.each([
    ['新华社北京3月31日电', '北京', 3, 31, '电', ''],
    ['新华社北京4月1日电（记者王隼 张晔洁）记者4月1日获悉', '北京', 4, 1, '电', '记者4月1日获悉'],
    ['新华社上海3月2日专电（记者李四）正文', '上海', 3, 2, '专电', '正文'],
    ['新华社北京4月2日新媒体专电 记者获悉', '北京', 4, 2, '新媒体专电', '记者获悉'],
    ['新华社华盛顿1月20日电　美国总统', '华盛顿', 1, 20, '电', '美国总统'],
    ['新华社纽约４月１日电(记者 刘亚南)国际油价', '纽约', 4, 1, '电', '国际油价'],
    ['新华社北京4月1日电正文紧跟', '北京', 4, 1, '电', '正文紧跟'],
  ])('%s', (line, place, month, day, kind, rest) => {
    const match = matchDateline(line);
    expect(match?.dateline).toMatchObject({ agency: '新华社', place, month, day, kind });
    expect(match?.rest).toBe(rest);
  });

  it('reads 据新华社电 with no place or date', () => {
    const match = matchDateline('据新华社电　联合国秘书长发言人20日表示');
    expect(match?.dateline).toEqual({ raw: '据新华社电', agency: '新华社', kind: '电' });
    expect(match?.rest).toBe('联合国秘书长发言人20日表示');
  });

  it.each(['新华社4月1日推出第二十九期“中国经济圆桌会”', '据新华社电视台报道', '新华社北京13月1日电'])(
    '%s is body text, not a dateline',
    (line) => {
      expect(matchDateline(line)).toBeUndefined();
    },
  );

  it('keeps a bracket after the dateline that is not a byline in the text', () => {
    expect(matchDateline('新华社北京4月1日电（国际观察）正文')?.rest).toBe('（国际观察）正文');
  });

  it('marks a dateline closing the article as end, one opening it as lead', () => {
    expect(onlyRecord(`# 标题文字\n\n${BODY}\n\n新华社北京3月31日电\n`, '2026-04-01.txt').dateline?.position).toBe(
      'end',
    );
    const lead = onlyRecord(`# 标题文字\n\n新华社北京4月1日电（记者王隼）${BODY}\n`, '2026-04-01.txt');
    expect(lead.dateline?.position).toBe('lead');
    expect(lead.byline?.names).toEqual(['王隼']);
    expect(lead.sections[0]?.paragraphs).toEqual([BODY]);
  });
});

describe('photos and credits', () => {
  it.each([
    ['新华社发（前方平摄）', '新华社', ['前方平']],
    ['新华社记者 鞠鹏 摄', '新华社', ['鞠鹏']],
    ['新华社发（孙凡越、赵子硕 摄）', '新华社', ['孙凡越', '赵子硕']],
    ['新华社发 李四 摄', '新华社', ['李四']],
    ['新华社发', '新华社', []],
    ['（张三 摄）', undefined, ['张三']],
  ])('%s → names %j', (raw, agency, names) => {
    const credit = parsePhotoCredit(raw);
    expect(credit).toMatchObject({ raw, names });
    expect(credit?.agency).toBe(agency);
  });

  it('splits a caption line that ends with its credit', () => {
    expect(splitCaptionCredit('4月1日，游客在北京参观。新华社记者 鞠鹏 摄')).toMatchObject({
      caption: '4月1日，游客在北京参观。',
      credit: { names: ['鞠鹏'] },
    });
  });

  it('takes the line above a credit as the caption of a photo inside an article', () => {
    const record = onlyRecord(`# 标题文字\n\n${BODY}\n\n4月1日，农民在田间作业。\n新华社记者 鞠鹏 摄\n\n${BODY}\n`);
    expect(record.kind).toBe('article');
    expect(record.photos).toEqual([
      {
        caption: '4月1日，农民在田间作业。',
        credit: {
          raw: '新华社记者 鞠鹏 摄',
          agency: '新华社',
          role: '摄',
          names: ['鞠鹏'],
          people: [{ name: '鞠鹏', role: '摄' }],
        },
      },
    ]);
    expect(record.sections[0]?.paragraphs).toEqual([BODY, BODY]);
  });

  it('makes an item of captions and a credit only a photo item', () => {
    const record = onlyRecord('## 春到田间\n\n4月2日，农民驾驶农机翻耕土地。\n\n新华社发（孙凡越、赵子硕 摄）\n');
    expect(record.kind).toBe('photo');
    expect(record.photos[0]?.caption).toBe('4月2日，农民驾驶农机翻耕土地。');
  });
});

describe('in-body subheads', () => {
  it('starts a section at a short line with no sentence punctuation', () => {
    const record = onlyRecord(`# 标题文字\n\n${BODY}\n\n以融合之智铺展高质量发展新蓝图\n\n${BODY}\n`);
    expect(record.sections).toEqual([
      { paragraphs: [BODY] },
      { heading: '以融合之智铺展高质量发展新蓝图', paragraphs: [BODY] },
    ]);
  });

  it('starts a section at a ### inside the body', () => {
    const record = onlyRecord(`# 标题文字\n\n${BODY}\n\n### 小标题\n\n${BODY}\n`);
    expect(record.sections.map((s) => s.heading)).toEqual([undefined, '小标题']);
  });

  it('keeps lines starting with —— and short sentences as paragraphs', () => {
    const record = onlyRecord(`# 标题文字\n\n${BODY}\n\n——让企业唱主角。\n\n科技兴则民族兴。\n\n${BODY}\n`);
    expect(record.sections).toHaveLength(1);
    expect(record.sections[0]?.paragraphs).toEqual([BODY, '——让企业唱主角。', '科技兴则民族兴。', BODY]);
    expect(isTitleLike('——让企业在创新中唱主角')).toBe(false);
  });
});

describe('column breaks', () => {
  it('joins a paragraph cut mid-sentence with the next one and warns naming both lines', () => {
    const result = parseText('# 标题文字\n\n习近平总书记宣布，并对北京（京津\n\n冀）、上海三大中心作出部署。\n');
    expect(result.articles[0]?.sections[0]?.paragraphs).toEqual([
      '习近平总书记宣布，并对北京（京津冀）、上海三大中心作出部署。',
    ]);
    const warning = result.diagnostics.find((d) => d.rule === 'paragraph/column-break');
    expect(warning).toMatchObject({ line: 3, severity: 'warning' });
    expect(warning?.message).toContain('line 5');
  });

  it('never joins a subhead to its paragraph', () => {
    const record = onlyRecord(`# 标题文字\n\n${BODY}\n\n以协同之力打通融合之路\n\n${BODY}\n`);
    expect(record.sections[1]).toEqual({ heading: '以协同之力打通融合之路', paragraphs: [BODY] });
  });

  it('joins lines soft-wrapped within one paragraph without a warning', () => {
    const result = parseText('# 标题文字\n\n公路交通方面，张小玲提醒，清明\n假期，部分路段积雪结冰。\n');
    expect(result.articles[0]?.sections[0]?.paragraphs).toEqual([
      '公路交通方面，张小玲提醒，清明假期，部分路段积雪结冰。',
    ]);
    expect(rules(result)).not.toContain('paragraph/column-break');
  });
});

describe('dates', () => {
  it('takes the day from the dateline and the year from front matter first', () => {
    const record = onlyRecord(
      `---\ndate: 2025-04-02\n---\n# 标题文字\n\n新华社北京4月1日电 ${BODY}2026年\n`,
      '2024-01-01.txt',
    );
    expect([record.date, record.dateSource, record.yearSource, record.issue.date]).toEqual([
      '2025-04-01',
      'text',
      'front-matter',
      '2025-04-02',
    ]);
  });

  it('then the year from a date in the file name', () => {
    const record = onlyRecord(`# 标题文字\n\n新华社北京4月1日电 ${BODY}\n`, 'xinhua_20260402_p3.txt');
    expect([record.date, record.dateSource, record.yearSource]).toEqual(['2026-04-01', 'text', 'file-name']);
  });

  it('takes the issue date, with no yearSource, for an item without a dated dateline', () => {
    const record = onlyRecord(`# 标题文字\n\n${BODY}\n`, '20260402.txt');
    expect([record.date, record.dateSource, record.yearSource]).toEqual(['2026-04-02', 'file-name', undefined]);
  });

  it('puts a December dateline of a January issue in the year before', () => {
    const record = onlyRecord(`# 标题文字\n\n新华社北京12月31日电 ${BODY}\n`, '2026-01-02.txt');
    expect(record.date).toBe('2025-12-31');
  });

  it('then from the text, with a warning', () => {
    const result = parseText(`# 标题文字\n\n新华社北京4月1日电 2026中关村论坛年会开幕。\n`);
    const [record] = result.articles;
    expect([record?.date, record?.dateSource, record?.yearSource]).toEqual(['2026-04-01', 'text', 'text']);
    expect(rules(result)).toContain('date/year-from-text');
  });

  it('leaves the date null and warns when no year is known', () => {
    const result = parseText(`# 标题文字\n\n新华社北京4月1日电 ${BODY}\n`);
    expect([result.articles[0]?.date, result.articles[0]?.dateSource]).toEqual([null, 'none']);
    expect(rules(result)).toContain('date/no-year');
  });

  it('infers the latest year named, ignoring targets and quantities', () => {
    expect(yearFromText('2026中关村论坛年会，2025年度进展')).toBe(2026);
    expect(yearFromText('二〇二六年第一季度')).toBe(2026);
    expect(yearFromText('到2035年基本实现，2030年前碳达峰，2000多亿元，2024年')).toBe(2024);
  });

  it('reads dates in file names but not in hex digests', () => {
    expect(dateFromFileName('2026-04-01.txt')).toBe('2026-04-01');
    expect(dateFromFileName('xinhua_20260401_p3.txt')).toBe('2026-04-01');
    expect(dateFromFileName('000_3fa1046521e36f31.txt')).toBeNull();
    expect(dateFromFileName('2026-02-30.txt')).toBeNull();
  });
});
