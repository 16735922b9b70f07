import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rank, type Rankable } from '../../src/search/rank.ts';
import { readState, writeState } from '../../src/search/state.ts';

const item = (order: number, exact: boolean, date?: string): Rankable & { name: string } => ({
  name: `${order}`,
  order,
  exact,
  date,
});

describe('ranking', () => {
  it('puts every phrase match before every scattered match and keeps Pagefind order within each', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), (flags) => {
        const ranked = rank(flags.map((exact, order) => item(order, exact)));
        const firstScattered = ranked.findIndex((r) => !r.exact);
        expect(ranked.slice(firstScattered < 0 ? ranked.length : firstScattered).every((r) => !r.exact)).toBe(true);
        for (const group of [true, false]) {
          const orders = ranked.filter((r) => r.exact === group).map((r) => r.order);
          expect(orders).toEqual([...orders].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('sorts by date within each group, undated last, ties in Pagefind order', () => {
    const items = [
      item(0, false, '2026-04-02'),
      item(1, true, '2026-01-20'),
      item(2, true),
      item(3, true, '2026-04-01'),
      item(4, true, '2026-04-01'),
    ];
    expect(rank(items, 'newest').map((r) => r.name)).toEqual(['3', '4', '1', '2', '0']);
    expect(rank(items, 'oldest').map((r) => r.name)).toEqual(['1', '3', '4', '2', '0']);
    expect(rank(items).map((r) => r.name)).toEqual(['1', '2', '3', '4', '0']);
  });
});

describe('the search state in the URL', () => {
  it('round-trips query, filters, sort and the phrase-only switch', () => {
    const params = new URLSearchParams('q=京津冀&month=2026-04&reporter=胡喆&sort=newest&exact=1');
    const state = readState(params);
    expect(state).toEqual({
      q: '京津冀',
      filters: { month: '2026-04', reporter: '胡喆', place: '', kind: '' },
      sort: 'newest',
      exact: true,
    });
    expect(readState(writeState(state))).toEqual(state);
  });

  it('ignores an unknown sort order and leaves defaults out of the URL', () => {
    const state = readState(new URLSearchParams('q=a&sort=random'));
    expect(state.sort).toBe('relevance');
    expect(writeState(state).toString()).toBe('q=a');
  });
});
