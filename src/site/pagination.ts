/** Page numbers of paginated lists: how many items a page holds and which numbers the navigation shows. */

/** Items on one page of a paginated list (reporters, places, months). */
export const PAGE_SIZE = 100;

/**
 * The page numbers a navigation shows for page `current` of `last`: the first, the last and
 * the two on each side of the current one, with `null` where numbers are left out. A gap that
 * would hide a single number shows that number instead.
 */
export function pageWindow(current: number, last: number, around = 2): (number | null)[] {
  const shown = new Set([1, last]);
  for (let n = current - around; n <= current + around; n += 1) if (n >= 1 && n <= last) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const window: (number | null)[] = [];
  numbers.forEach((n, index) => {
    const before = numbers[index - 1];
    if (before !== undefined && n - before === 2) window.push(before + 1);
    else if (before !== undefined && n - before > 2) window.push(null);
    window.push(n);
  });
  return window;
}

/** `记者 胡喆` on the first page, `记者 胡喆（第2页）` on the others: every page has its own title. */
export function pagedTitle(title: string, page: number): string {
  return page > 1 ? `${title}（第${page}页）` : title;
}
