import { describe, expect, it } from 'vitest';
import { groupDayItems, type PlacedHeadline } from '../../src/site/on-this-day.ts';

/** An item of the issue `date`, on its printed page `slug`. */
function item(date: string, slug: string, id: string): PlacedHeadline {
  return { date, slug, label: `第${slug}版`, headline: { id, title: `稿件${id}`, kind: 'article' } };
}

const day = [
  item('2026-04-01', '01', 'a'),
  item('2026-04-01', '01', 'b'),
  item('2026-04-01', '02', 'c'),
  item('2025-04-01', '01', 'd'),
  item('2025-04-01', '01', 'e'),
  item('2024-04-01', '03', 'f'),
];

/** The groups as text: `2025-04-01(续) 01(续):d,e`. */
function outline(items: readonly PlacedHeadline[], before?: PlacedHeadline): string[] {
  return groupDayItems(items, before).map(
    (issue) =>
      `${issue.date}${issue.continued ? '(续)' : ''} ${issue.pages
        .map((page) => `${page.slug}${page.continued ? '(续)' : ''}:${page.headlines.map((h) => h.id).join(',')}`)
        .join(' ')}`,
  );
}

describe('a page of a day in history', () => {
  it('groups its items by issue, newest first, and by printed page in print order', () => {
    expect(outline(day)).toEqual(['2026-04-01 01:a,b 02:c', '2025-04-01 01:d,e', '2024-04-01 03:f']);
  });

  it('marks the issue and the printed page whose items began on the page before as continued', () => {
    // A page that starts inside 2025's page 01 (after item d).
    expect(outline(day.slice(4), day[3])).toEqual(['2025-04-01(续) 01(续):e', '2024-04-01 03:f']);
    // A page that starts with a new printed page of the same issue: the issue continues, the page does not.
    expect(outline(day.slice(2, 4), day[1])).toEqual(['2026-04-01(续) 02:c', '2025-04-01 01:d']);
    // A page that starts with a new issue continues nothing.
    expect(outline(day.slice(3), day[2])).toEqual(['2025-04-01 01:d,e', '2024-04-01 03:f']);
  });
});
