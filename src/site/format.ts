/**
 * How the archive names things for readers: dates, issues, printed pages, items. No Astro or Node
 * import: the search page's browser code (src/search/render.ts) uses `formatDate` from here too.
 */
import type { ArticleRecord } from '../lib/types.ts';
import { pageNumber, type Headline, type IssuePage, type PrintedPage } from './archive.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2026-04-01` → `2026年4月1日`. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year ?? ''}年${month ?? ''}月${day ?? ''}日`;
}

/** `2026-04-01` → `星期三`. */
function formatWeekday(iso: string): string {
  return `星期${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? ''}`;
}

/** `2026`, `04` → `2026年4月`. */
export function formatMonth(year: string, month: string): string {
  return `${year}年${Number(month)}月`;
}

/** What a reader sees as an item's title: its headline, or the opening of its text when none was printed. */
export function itemTitle(record: ArticleRecord): string {
  if (record.headline) return record.headline;
  const text = record.sections[0]?.paragraphs[0] ?? record.photos[0]?.caption ?? '';
  const chars = Array.from(text);
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text || `第${record.order}条`;
}

/** A page number as printed in a name: `03` → `第03版`, `A05` → `A05版`. */
export function pageNumberLabel(number: string): string {
  return /^\d+$/u.test(number) ? `第${number}版` : `${number}版`;
}

/**
 * The label of a printed page: `第03版 · 要闻` (the number as placed in its issue, else as printed);
 * a page with neither number nor issue is named by its first headline (`「科技创新实现新突破」版`).
 */
export function pageLabel(page: PrintedPage | IssuePage): string {
  const number = 'number' in page ? page.number : page.page === undefined ? undefined : pageNumber(page.page);
  const label = [number === undefined ? '' : pageNumberLabel(number), page.section].filter(Boolean).join(' · ');
  const first = page.items[0];
  return label || (first ? `「${itemTitle(first)}」版` : page.seed);
}

/** The headlines of a page's items, for 标题导航. */
export function headlines(page: PrintedPage): Headline[] {
  return page.items.map((item) => ({ id: item.id, title: itemTitle(item), kind: item.kind }));
}

/** A printed page's name: its issue date and page, `2026年4月1日 第03版 · 要闻`. */
export function pageTitle(page: PrintedPage | IssuePage): string {
  return `${page.date ? formatDate(page.date) : '日期不详'} ${pageLabel(page)}`;
}

/** An issue's name: `2026年4月1日 星期三`. */
export function issueTitle(date: string): string {
  return `${formatDate(date)} ${formatWeekday(date)}`;
}

/** `04-01` → `4月1日`. */
export function formatMonthDay(monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  return `${month ?? ''}月${day ?? ''}日`;
}

/** White space, left out of excerpts. */
const SPACE = /\s/u;

/**
 * An excerpt of an item's text for lists and descriptions: the first `size` characters (code
 * points) of its paragraphs, or of its captions when it has no text, white space left out, with
 * `…` when there is more. Reads no further than it needs: every list page and article asks.
 */
export function excerpt(record: ArticleRecord, size = 80): string {
  const paragraphs = record.sections.flatMap((s) => s.paragraphs);
  const parts = paragraphs.some((text) => text !== '') ? paragraphs : record.photos.map((p) => p.caption);
  const chars: string[] = [];
  for (const part of parts) {
    for (const char of part) {
      if (SPACE.test(char)) continue;
      if (chars.length === size) return `${chars.join('')}…`;
      chars.push(char);
    }
  }
  return chars.join('');
}
