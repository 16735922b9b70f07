import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  articleRecordSchema,
  creditSchema,
  datelineSchema,
  jumpSchema,
  personSchema,
  type ArticleRecord,
  type Credit,
  type Dateline,
  type Jump,
  type Person,
} from '../../src/lib/index.ts';

// The types of `types.ts` and the zod schema are tied both ways. At compile time (`npm test`
// runs `astro check` over this file) the schema's output must equal the type, and each sample
// below is `Required<…>`: a field added to a type and not to its sample does not compile. At run
// time each sample's keys must be the schema's keys: a field added to the schema only fails.

const person: Required<Person> = { name: '郑远', role: '记者' };

const credit: Required<Credit> = {
  raw: '新华社“新华视点”记者 郑远',
  agency: '新华社',
  column: '新华视点',
  role: '记者',
  names: ['郑远'],
  people: [person],
  position: 'top',
};

const dateline: Required<Dateline> = {
  raw: '新华社东京4月19日电',
  agency: '新华社',
  place: '东京',
  month: 4,
  day: 19,
  kind: '电',
  position: 'lead',
  credit: { raw: '（记者 郑远）', role: '记者', names: ['郑远'], people: [person] },
};

const jump: Required<Jump> = { direction: 'to', page: '3', raw: '（下转第三版）' };

const record: Required<ArticleRecord> = {
  id: 'page-1',
  seed: 'page.txt',
  seedId: 'page',
  order: 1,
  line: 1,
  kind: 'article',
  column: '综述',
  kicker: '引题',
  headline: '主题',
  subheadline: '——副题',
  byline: credit,
  dateline: { ...dateline, position: 'end' },
  datelines: [dateline],
  jumps: [jump],
  date: '2026-04-19',
  dateSource: 'text',
  yearSource: 'file-name',
  sections: [{ heading: '小标题', paragraphs: ['正文。'] }],
  photos: [{ caption: '图片说明。', credit }],
  issue: { date: '2026-04-20', page: '1', section: '要闻', paper: '新华每日电讯' },
};

describe('the record types and the zod schema', () => {
  it('describe the same fields (compile time)', () => {
    expectTypeOf<z.output<typeof articleRecordSchema>>().toEqualTypeOf<ArticleRecord>();
    expectTypeOf<z.output<typeof creditSchema>>().toEqualTypeOf<Credit>();
    expectTypeOf<z.output<typeof datelineSchema>>().toEqualTypeOf<Dateline>();
    expectTypeOf<z.output<typeof jumpSchema>>().toEqualTypeOf<Jump>();
    expectTypeOf<z.output<typeof personSchema>>().toEqualTypeOf<Person>();
  });

  it.each([
    ['ArticleRecord', record, articleRecordSchema.shape],
    ['Credit', credit, creditSchema.shape],
    ['Dateline', dateline, datelineSchema.shape],
    ['Jump', jump, jumpSchema.shape],
    ['Person', person, personSchema.shape],
    ['IssueInfo', record.issue, articleRecordSchema.shape.issue.shape],
  ])('%s: every field of the type is in the schema and every field of the schema in the type', (_, sample, shape) => {
    expect(Object.keys(sample).sort()).toEqual(Object.keys(shape).sort());
  });

  it('accept a record with every field set, unchanged', () => {
    expect(articleRecordSchema.parse(record)).toEqual(record);
  });
});
