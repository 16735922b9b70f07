import { describe, expect, it } from 'vitest';
import { pagedTitle, pageWindow, PAGE_SIZE } from '../../src/site/pagination.ts';

describe('pagination', () => {
  it('lists at most a hundred items a page', () => {
    expect(PAGE_SIZE).toBe(100);
  });

  it('shows the first, the last and two numbers each side of the current page, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 18, 19, 20]);
  });

  it('shows a single hidden number instead of a gap', () => {
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });

  it('titles every page but the first with its number', () => {
    expect(pagedTitle('记者 胡喆', 1)).toBe('记者 胡喆');
    expect(pagedTitle('记者 胡喆', 2)).toBe('记者 胡喆（第2页）');
  });
});
