import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/index.ts';
import { groupBy } from '../../src/site/archive.ts';
import { columnsOf } from '../../src/site/columns.ts';
import { jumpIndex, jumpLinks } from '../../src/site/jumps.ts';
import { speakerLabels, speakerTurn } from '../../src/site/speakers.ts';
import { fixtureCases } from '../helpers/fixtures.ts';
import { parseText } from '../helpers/parse.ts';

/** The records of the named fixture pages. */
function fixtureRecords(...names: string[]): ArticleRecord[] {
  return fixtureCases()
    .filter((c) => names.includes(c.name))
    .flatMap((c) => parseText(new TextDecoder().decode(c.input.content), c.input.file).articles);
}

/** The one record of a list, failing the test when there is not exactly one. */
function only(records: readonly ArticleRecord[]): ArticleRecord {
  const [record, ...others] = records;
  if (!record || others.length > 0) throw new Error(`expected one record, got ${records.length}`);
  return record;
}

describe('jump links', () => {
  const records = fixtureRecords('jump-front-page', 'jump-continued-page');
  const index = jumpIndex(records);
  const byId = (id: string): ArticleRecord => {
    const record = records.find((r) => r.id === id);
    if (!record) throw new Error(`no record ${id}`);
    return record;
  };

  it('links each half of a continued item to the other, by page and headline', () => {
    expect(jumpLinks(byId('20260420-01-1'), index).map((l) => l.target?.id)).toEqual(['20260420-03-1']);
    expect(jumpLinks(byId('20260420-03-1'), index).map((l) => l.target?.id)).toEqual(['20260420-01-1']);
    expect(jumpLinks(byId('20260420-01-3'), index).map((l) => l.target?.id)).toEqual(['20260420-03-2']);
    expect(jumpLinks(byId('20260420-03-2'), index).map((l) => [l.jump.raw, l.target?.page])).toEqual([
      ['（紧接第一版）', '1'],
    ]);
  });

  it('gives no target when the other page is not in the archive', () => {
    const front = fixtureRecords('jump-front-page');
    expect(jumpLinks(only(front.slice(0, 1)), jumpIndex(front))).toEqual([
      { jump: { direction: 'to', page: '3', raw: '（下转第三版）' } },
    ]);
  });

  it('gives no target in another issue', () => {
    const other = records.map((r) =>
      r.seedId === '20260420-03' ? { ...r, issue: { ...r.issue, date: '2026-04-21' } } : r,
    );
    expect(jumpLinks(only(other.slice(0, 1)), jumpIndex(other))[0]?.target).toBeUndefined();
  });
});

describe('Q&A speakers', () => {
  it('marks 问/答, 记者 and names that open two paragraphs of an interview', () => {
    const paragraphs = [
      '记者：为什么留下？',
      '张桂兰：我是山里人。',
      '记者：变化大吗？',
      '张桂兰：通了网。',
      '他表示：很好。',
    ];
    const speakers = speakerLabels(paragraphs);
    expect([...speakers].sort()).toEqual(['张桂兰', '记者'].sort());
    expect(speakerTurn(paragraphs[1] ?? '', speakers)).toEqual({ speaker: '张桂兰：', text: '我是山里人。' });
    expect(speakerTurn(paragraphs[4] ?? '', speakers)).toEqual({ text: '他表示：很好。' });
  });

  it('marks nothing in an article that is not an interview', () => {
    expect(speakerLabels(['刘冬梅表示：要发挥优势。', '实施意见明确：推动改革。'])).toEqual(new Set());
    expect(speakerLabels(['问：只有一问？'])).toEqual(new Set());
  });

  it('finds the speakers of the Q&A fixture', () => {
    const [first, second] = fixtureRecords('qa-interview');
    expect([...speakerLabels(first?.sections[0]?.paragraphs ?? [])]).toEqual(['问', '答']);
    expect([...speakerLabels(second?.sections[0]?.paragraphs ?? [])]).toEqual(['记者', '张桂兰']);
  });
});

describe('columns', () => {
  it('lists items by column label, and by the brand of a column-brand byline', () => {
    const groups = groupBy(fixtureRecords('column-labels', 'column-brand-bylines', 'roundup-datelines'), columnsOf);
    expect(Object.fromEntries([...groups].map(([column, items]) => [column, items.map((i) => i.id)]))).toEqual({
      中国网事: ['xinhua-20260421-05-2'],
      国际观察: ['xinhua-20260422-03-4'],
      '新华全媒+': ['xinhua-20260422-03-3'],
      新华视点: ['xinhua-20260421-05-1', 'xinhua-20260422-03-1'],
      综述: ['xinhua-20260420-04-1'],
      记者观察: ['xinhua-20260422-03-2'],
    });
  });
});
