import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/types.ts';
import {
  byMonth,
  issueCalendar,
  issueMonths,
  issuesByMonthDay,
  issuesOf,
  monthCalendar,
  neighbours,
  pageNumber,
  pagePlaces,
} from '../../src/site/archive.ts';
import { pageLabel, pageTitle } from '../../src/site/format.ts';

/** A minimal record of seed `seed`, item `order`, dated `date`, printed in the issue `issue`. */
function record(
  seed: string,
  order: number,
  date: string | null,
  issue: { date: string | null; page?: string; section?: string },
): ArticleRecord {
  return {
    id: `${seed}-${order}`,
    seed: `${seed}.txt`,
    seedId: seed,
    order,
    line: order,
    kind: 'article',
    headline: `${seed} 第${order}条`,
    date,
    dateSource: 'front-matter',
    sections: [{ paragraphs: ['正文。'] }],
    photos: [],
    issue,
  };
}

const records = [
  // The lead item of the 1 April page was filed on 31 March: it belongs to the 1 April issue.
  record('20260401-01', 1, '2026-03-31', { date: '2026-04-01', page: '1', section: '要闻' }),
  record('20260401-01', 2, '2026-04-01', { date: '2026-04-01', page: '1', section: '要闻' }),
  record('20260401-03', 1, '2026-04-01', { date: '2026-04-01', page: '03', section: '国际' }),
  record('20260401-02', 1, '2026-04-01', { date: '2026-04-01', page: '2' }),
  record('20260402-a', 1, '2026-04-02', { date: '2026-04-02' }),
  record('20260402-b', 1, '2026-04-02', { date: '2026-04-02', page: '1' }),
  record('20260402-c', 1, '2026-04-02', { date: '2026-04-02', page: '01' }),
  record('20250401-01', 1, '2025-04-01', { date: '2025-04-01', page: 'A5' }),
  // No issue date: filed under its newest dateline.
  record('untitled', 1, '2026-03-30', { date: null }),
  record('untitled', 2, '2026-03-29', { date: null }),
  // No date at all: in no issue.
  record('lost', 1, null, { date: null }),
];

describe('issues', () => {
  const issues = issuesOf(records);

  it('files every dated page under its issue date, newest first, and leaves undated pages out', () => {
    expect(issues.map((i) => i.date)).toEqual(['2026-04-02', '2026-04-01', '2026-03-30', '2025-04-01']);
    expect(issues.flatMap((i) => i.pages.map((p) => p.seedId))).not.toContain('lost');
  });

  it('lists an item filed the day before under the day its issue was printed', () => {
    const april1 = issues.find((i) => i.date === '2026-04-01');
    expect(april1?.pages[0]?.items.map((item) => item.date)).toEqual(['2026-03-31', '2026-04-01']);
  });

  it('orders pages by page number and names them by date and page', () => {
    const april1 = issues.find((i) => i.date === '2026-04-01');
    expect(april1?.pages.map((p) => [p.number, p.slug])).toEqual([
      ['01', '01'],
      ['02', '02'],
      ['03', '03'],
    ]);
    expect(april1?.pages.map((p) => pageTitle(p))).toEqual([
      '2026年4月1日 第01版 · 要闻',
      '2026年4月1日 第02版',
      '2026年4月1日 第03版 · 国际',
    ]);
  });

  it('numbers an unnumbered page after the numbered ones and gives a repeated number its own URL', () => {
    const april2 = issues.find((i) => i.date === '2026-04-02');
    expect(april2?.pages.map((p) => [p.seedId, p.number, p.slug, p.assigned])).toEqual([
      ['20260402-b', '01', '01', false],
      ['20260402-c', '01', '01-2', false],
      ['20260402-a', '02', '02', true],
    ]);
  });

  it('keeps a lettered page number and lower-cases it in the URL', () => {
    const page = issues.find((i) => i.date === '2025-04-01')?.pages[0];
    expect([page?.number, page?.slug, page && pageLabel(page)]).toEqual(['A05', 'a05', 'A05版']);
  });

  it('finds each page in its issue', () => {
    const place = pagePlaces(issues).get('20260401-02');
    expect(place?.issue.date).toBe('2026-04-01');
    expect(place?.index).toBe(1);
    expect(pagePlaces(issues).has('lost')).toBe(false);
  });
});

describe('navigation helpers', () => {
  it('gives the neighbours of an entry, none past the ends', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ previous: undefined, next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 1)).toEqual({ previous: 'a', next: 'c' });
    expect(neighbours(['a', 'b', 'c'], 2)).toEqual({ previous: 'b', next: undefined });
  });

  it('shows page numbers with two digits and their letter', () => {
    expect(['1', '03', '12', 'a5', 'A05', '特刊'].map(pageNumber)).toEqual(['01', '03', '12', 'A05', 'A05', '特刊']);
  });

  it('lays a month out Monday first, marking its issue days', () => {
    // 1 April 2026 was a Wednesday; April has 30 days.
    const weeks = monthCalendar('2026-04', new Set(['2026-04-01', '2026-04-30']));
    expect(weeks).toHaveLength(5);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0]?.map((c) => c.day)).toEqual([null, null, 1, 2, 3, 4, 5]);
    expect(weeks[4]?.map((c) => c.day)).toEqual([27, 28, 29, 30, null, null, null]);
    expect(
      weeks
        .flat()
        .filter((c) => c.hasIssue)
        .map((c) => c.date),
    ).toEqual(['2026-04-01', '2026-04-30']);
    // February 2027 starts on a Monday and fills exactly four weeks.
    expect(monthCalendar('2027-02', new Set())).toHaveLength(4);
  });

  it('links a calendar to the nearest months that have issues', () => {
    const dates = ['2026-04-02', '2026-04-01', '2026-01-21', '2025-04-01'];
    const calendar = issueCalendar('2026-04', dates);
    expect([calendar.previousMonth, calendar.nextMonth]).toEqual(['2026-01', undefined]);
    expect(issueCalendar('2026-01', dates).previousMonth).toBe('2025-04');
    expect(issueCalendar('2026-01', dates).nextMonth).toBe('2026-04');
  });

  it('groups values by month, newest month first, each in the given order, undated left out', () => {
    const dates = ['2026-04-02', '2025-12-31', null, '2026-04-01', '2026-01-21'];
    expect([...byMonth(dates, (date) => date)]).toEqual([
      ['2026-04', ['2026-04-02', '2026-04-01']],
      ['2026-01', ['2026-01-21']],
      ['2025-12', ['2025-12-31']],
    ]);
  });

  it('sums each month by issue date, at most one entry per day', () => {
    const months = issueMonths(issuesOf(records));
    expect(months.map((m) => m.month)).toEqual(['2026-04', '2026-03', '2025-04']);
    expect(months[0]?.days).toEqual([
      { date: '2026-04-01', pages: 3, items: 4 },
      { date: '2026-04-02', pages: 3, items: 3 },
    ]);
  });

  it('gathers the issues of a calendar day across the years, newest first', () => {
    const days = issuesByMonthDay(issuesOf(records));
    expect([...days.keys()]).toEqual(['03-30', '04-01', '04-02']);
    expect(days.get('04-01')?.map((i) => i.date)).toEqual(['2026-04-01', '2025-04-01']);
  });
});
