import { describe, expect, it } from 'vitest';
import {
  bundlePlan,
  monthOfHtml,
  openPeriod,
  orderBundles,
  searchBundles,
  searchMonth,
} from '../../src/site/search-bundles.ts';

describe('search bundles by period', () => {
  const dates = ['2024-05-01', '2025-12-31', '2026-10-31', '2026-11-01', '2026-11-29', null];

  it('gives the newest month a bundle of its own, the closed months of its quarter theirs, and every other dated item its year', () => {
    const { bundleOf } = bundlePlan(dates);
    expect(openPeriod(dates)).toBe('2026-11');
    expect(bundleOf('2026-11-29')).toBe('2026-11');
    expect(bundleOf('2026-10-31')).toBe('2026-10');
    expect(bundleOf('2026-09-30')).toBe('2026-q3');
    expect(bundleOf('2026-01-01')).toBe('2026-q1');
    expect(bundleOf('2025-12-31')).toBe('2025');
    expect(bundleOf('2024-05-01')).toBe('2024');
    expect(bundleOf(null)).toBe('undated');
    expect(bundleOf('not a date')).toBe('undated');
  });

  it('lists the bundles newest first, the open month before the rest of its year, undated last', () => {
    expect(searchBundles(dates)).toEqual(['2026-11', '2026-10', '2025', '2024', 'undated']);
    expect(orderBundles(['undated', '2025', '2026-01'])).toEqual(['2026-01', '2025', 'undated']);
    expect(searchBundles([null])).toEqual(['undated']);
  });

  it('keeps a closed month in its bundle when a newer month arrives, and merges by quarter and year only when they close', () => {
    const days = ['2025-12-31', '2026-01-01'];
    expect(searchBundles(days)).toEqual(['2026-01', '2025']);
    // February opens: January keeps its bundle, under the same name, so it is not indexed again.
    expect(searchBundles([...days, '2026-02-01'])).toEqual(['2026-02', '2026-01', '2025']);
    expect(searchBundles([...days, '2026-02-01', '2026-03-01'])).toEqual(['2026-03', '2026-02', '2026-01', '2025']);
    // April opens: the first quarter closes into one bundle.
    const april = [...days, '2026-02-01', '2026-03-01', '2026-04-01'];
    expect(searchBundles(april)).toEqual(['2026-04', '2026-q1', '2025']);
    const december = [...april, '2026-05-01', '2026-07-01', '2026-10-01', '2026-11-01', '2026-12-01'];
    expect(searchBundles(december)).toEqual(['2026-12', '2026-11', '2026-10', '2026-q3', '2026-q2', '2026-q1', '2025']);
    // January opens: the year closes into one bundle.
    expect(searchBundles([...december, '2027-01-01'])).toEqual(['2027-01', '2026', '2025']);
  });

  it('moves an item to another bundle only when its quarter or its part closes', () => {
    /** The first of every month from January 2025 to `last`. */
    const firsts = (last: string) => {
      const out: string[] = [];
      for (let month = '2025-01'; month <= last;) {
        out.push(`${month}-01`);
        const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
        month = m === 12 ? `${String(y + 1)}-01` : `${String(y)}-${String(m + 1).padStart(2, '0')}`;
      }
      return out;
    };
    const all = firsts('2027-06');
    for (let n = 1; n < all.length; n += 1) {
      const before = bundlePlan(all.slice(0, n));
      const after = bundlePlan(all.slice(0, n + 1));
      const opened = all[n] ?? '';
      const moved = all.slice(0, n).filter((date) => before.bundleOf(date) !== after.bundleOf(date));
      const month = Number(opened.slice(5, 7));
      // A new year merges the whole year before it; a new quarter, the quarter before it.
      if (month === 1) expect(moved, opened).toEqual(all.slice(n - 12, n));
      else if (month % 3 === 1) expect(moved, opened).toEqual(all.slice(n - 3, n));
      else expect(moved, opened).toEqual([]);
    }
  });

  /** `count` items on the 10th of each month of `months` (`yyyy-mm`). */
  const daily = (months: string[], count: number) =>
    months.flatMap((month) => new Array<string>(count).fill(`${month}-10`));
  const year = (y: string) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);

  it('splits a year past the item limit into halves, else quarters, else months, never a bundle over the limit', () => {
    const archive = [...daily(year('2024'), 10), ...daily(year('2025'), 20), ...daily(year('2026').slice(0, 11), 40)];
    const plan = bundlePlan(archive, 150);
    // 2024: 120 items, one bundle; 2025: 240, halves of 120; 2026 without its open month: 400,
    // quarters (120, 120, 120, 40), the open fourth quarter's closed October a bundle of its own.
    expect(plan.bundles).toEqual(['2026-11', '2026-10', '2026-q3', '2026-q2', '2026-q1', '2025-h2', '2025-h1', '2024']);
    expect(plan.bundleOf('2026-10-10')).toBe('2026-10');
    expect(plan.bundleOf('2025-06-30')).toBe('2025-h1');
    expect(plan.bundleOf('2025-07-01')).toBe('2025-h2');
    expect(bundlePlan(daily(['2025-03', '2025-04'], 200), 150).bundles).toEqual(['2025-04', '2025-03']);
    const sizes = new Map<string, number>();
    for (const date of archive) sizes.set(plan.bundleOf(date), (sizes.get(plan.bundleOf(date)) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(150);
  });

  it('orders split years newest first, with the open month before the rest of its year', () => {
    expect(orderBundles(['2025-h1', '2026-q1', 'undated', '2026-02', '2025-h2', '2024'])).toEqual([
      '2026-02',
      '2026-q1',
      '2025-h2',
      '2025-h1',
      '2024',
      'undated',
    ]);
  });

  it('reads the month a built page names, which makes the same plan as the dates', () => {
    expect(monthOfHtml('<article data-pagefind-body data-search-month="2026-11">')).toBe('2026-11');
    expect(monthOfHtml('<article data-pagefind-body>')).toBeNull();
    expect(dates.map(searchMonth)).toEqual(['2024-05', '2025-12', '2026-10', '2026-11', '2026-11', 'undated']);
    const byMonth = bundlePlan(dates.map(searchMonth));
    expect(byMonth.bundles).toEqual(searchBundles(dates));
    for (const date of dates)
      expect(byMonth.bundleOf(searchMonth(date)), String(date)).toBe(bundlePlan(dates).bundleOf(date));
  });
});
