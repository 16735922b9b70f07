import { describe, expect, it } from 'vitest';
import {
  byInitial,
  INDEX_NAMES,
  initialLabel,
  initialOf,
  initialSlug,
  OTHER_INITIAL,
  splitByInitial,
} from '../../src/site/name-index.ts';

describe('the indexes of names by pinyin initial', () => {
  it('reads a person’s surname as a surname (曾 zēng, 单 shàn, 解 xiè, 仇 qiú, 区 ōu)', () => {
    expect(
      ['王隼', '曾毅', '单霁翔', '解放', '仇鸿', '区伟', '欧阳修'].map((name) => initialOf(name, 'person')),
    ).toEqual(['W', 'Z', 'S', 'X', 'Q', 'O', 'O']);
  });

  it('reads a place as any word (重庆, 长沙, 厦门, 乐山)', () => {
    expect(['重庆', '长沙', '厦门', '乐山', '黑龙江'].map((name) => initialOf(name, 'place'))).toEqual([
      'C',
      'C',
      'X',
      'L',
      'H',
    ]);
  });

  it('files a Latin name under its own first letter and anything else under 其他', () => {
    expect(initialOf('john Smith', 'person')).toBe('J');
    expect(initialOf('３号线', 'place')).toBe(OTHER_INITIAL);
    expect([initialSlug('W'), initialSlug(OTHER_INITIAL)]).toEqual(['w', 'other']);
    expect([initialLabel('W'), initialLabel(OTHER_INITIAL)]).toEqual(['W', '其他']);
  });

  it('groups names A–Z then 其他, each keeping the index’s order, with their counts', () => {
    const groups = new Map<string, unknown[]>([
      ['Ann Lee', [1]],
      ['曾毅', [1, 2]],
      ['王隼', [1]],
      ['吴兰', [1, 2, 3]],
      ['１号', [1]],
    ]);
    expect(byInitial(groups, 'person')).toEqual([
      { initial: 'A', entries: [{ name: 'Ann Lee', count: 1 }] },
      {
        initial: 'W',
        entries: [
          { name: '王隼', count: 1 },
          { name: '吴兰', count: 3 },
        ],
      },
      { initial: 'Z', entries: [{ name: '曾毅', count: 2 }] },
      { initial: OTHER_INITIAL, entries: [{ name: '１号', count: 1 }] },
    ]);
  });

  it('splits an index by initial only past 1,000 names', () => {
    expect(INDEX_NAMES).toBe(1000);
    expect([splitByInitial(1000), splitByInitial(1001)]).toEqual([false, true]);
  });
});
