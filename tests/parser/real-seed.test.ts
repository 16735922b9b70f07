import { describe, expect, it } from 'vitest';
import { articleRecordSchema, conservationDifference, parseSeed } from '../../src/lib/index.ts';
import { realSeed } from '../helpers/fixtures.ts';

const { articles, diagnostics } = parseSeed(realSeed());

describe('the real seed', () => {
  it('has six items: five articles and the 青岛港 photo', () => {
    expect(articles.map((a) => [a.kind, a.headline])).toEqual([
      ['article', '科技创新实现新突破'],
      ['article', '三部门发文推动员工录用“一件事”高效办理'],
      ['article', '第五届“天宫画展”在中国空间站开展 神舟二十一号航天员乘组在轨展示介绍'],
      ['article', '向新而行 双向奔赴 聚力向远'],
      ['photo', '山东港口青岛港一季度新增七条集装箱航线'],
      ['article', '清明假期天气速览 踏青祭扫及出行指南请查收'],
    ]);
    expect(articles.map((a) => a.line)).toEqual([5, 59, 69, 79, 191, 196]);
  });

  it('takes a ## directly below a # as the subheadline', () => {
    expect(articles[0]?.subheadline).toBe('关于发展新质生产力重要论述系列述评之一 学习贯彻习近平总书记全国两会期间');
    expect(articles[3]?.subheadline).toBe('——“中国经济圆桌会”共话“十五五”科技创新与产业创新深度融合');
  });

  it('reads every byline form it prints', () => {
    expect(articles.map((a) => a.byline && [a.byline.raw, a.byline.names])).toEqual([
      ['新华社记者 胡喆', ['胡喆']],
      ['（记者王隼 张晔洁）', ['王隼', '张晔洁']],
      ['（记者李国利 刘一诺）', ['李国利', '刘一诺']],
      ['新华社记者', []],
      undefined,
      ['新华社记者 刘诗平', ['刘诗平']],
    ]);
  });

  it('places datelines at the lead or the end and dates them in 2026', () => {
    expect(articles.map((a) => a.dateline && `${a.dateline.raw}@${a.dateline.position}`)).toEqual([
      '新华社北京3月31日电@end',
      '新华社北京4月1日电@lead',
      '新华社北京4月1日电@lead',
      '新华社北京4月1日电@end',
      undefined,
      '新华社北京4月1日电@end',
    ]);
    expect(articles.map((a) => a.date)).toEqual([
      '2026-03-31',
      '2026-04-01',
      '2026-04-01',
      '2026-04-01',
      '2026-04-01',
      '2026-04-01',
    ]);
    expect(new Set(articles.map((a) => a.dateSource))).toEqual(new Set(['text']));
  });

  it('strips a lead dateline and its byline from the first paragraph', () => {
    expect(articles[1]?.sections[0]?.paragraphs[0]).toMatch(/^记者4月1日获悉，人力资源社会保障部/u);
  });

  it('keeps 新华社4月1日推出… as body text, not a dateline', () => {
    expect(articles[3]?.sections[0]?.paragraphs[2]).toMatch(/^新华社4月1日推出第二十九期/u);
  });

  it('credits the photo to 前方平 and keeps both caption lines', () => {
    expect(articles[4]?.photos).toEqual([
      {
        caption:
          '四月一日，在山东港口青岛港，一艘装载集装箱的货轮驶入港口（无人机照片）。\n二〇二六年第一季度山东港口青岛港新开通七条集装箱航线。至此，青岛港一季度新开通航线已覆盖东南亚、澳大利亚、非洲、中南美等区域。',
        credit: {
          raw: '新华社发（前方平摄）',
          agency: '新华社',
          role: '摄',
          names: ['前方平'],
          people: [{ name: '前方平', role: '摄' }],
        },
      },
    ]);
  });

  it('starts a section at each in-body subhead and keeps —— lines as paragraphs', () => {
    const sections = articles[3]?.sections ?? [];
    expect(sections.map((s) => s.heading)).toEqual([
      undefined,
      '以融合之智铺展高质量发展新蓝图',
      '以协同之力打通科技产业融合之路',
      '以扩围之势构建创新发展蓬勃生态',
    ]);
    expect(sections[2]?.paragraphs.filter((p) => p.startsWith('——'))).toHaveLength(3);
  });

  it('joins the three column breaks and warns naming both lines', () => {
    const all = articles.flatMap((a) => a.sections.flatMap((s) => s.paragraphs));
    expect(all.some((p) => p.includes('并对北京（京津冀）、上海（长三角）'))).toBe(true);
    expect(all.some((p) => p.includes('张小玲提醒，清明假期，内蒙古东部'))).toBe(true);
    expect(all.some((p) => p.includes('黄淮东北部、西北地区东部'))).toBe(true);
    const breaks = diagnostics.filter((d) => d.rule === 'paragraph/column-break');
    expect(breaks.map((d) => [d.line, d.severity])).toEqual([
      [159, 'warning'],
      [208, 'warning'],
      [214, 'warning'],
    ]);
    expect(breaks[0]?.message).toContain('line 161');
  });

  it('reports no errors, and warns that the year came from the text', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toContain('date/year-from-text');
  });

  it('conserves every Han character and validates every record', () => {
    const body = new TextDecoder().decode(realSeed().content);
    expect(conservationDifference(body, articles)).toEqual(new Map());
    for (const record of articles) expect(articleRecordSchema.safeParse(record).success).toBe(true);
  });
});
