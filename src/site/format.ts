import type { ArticleRecord } from '../lib/types.ts';
import type { PrintedPage } from './archive.ts';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2026-04-01` → `2026年4月1日`. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year ?? ''}年${month ?? ''}月${day ?? ''}日`;
}

/** `2026-04-01` → `星期三`. */
export function formatWeekday(iso: string): string {
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

/**
 * The label of a printed page: `第3版 · 要闻` or `A05版 · 国际` from front matter; a page with no
 * number is named by its first headline (`「科技创新实现新突破」版`).
 */
export function pageLabel(page: PrintedPage): string {
  const number = page.page ? `${/^\d+$/u.test(page.page) ? `第${page.page}` : page.page}版` : '';
  const first = page.items[0];
  return [number, page.section].filter(Boolean).join(' · ') || (first ? `「${itemTitle(first)}」版` : page.seed);
}

/** A date and page label: `2026年4月1日 第3版`. */
export function pageTitle(page: PrintedPage): string {
  return `${page.date ? formatDate(page.date) : '日期不详'} ${pageLabel(page)}`;
}

/** An excerpt of an item's text for lists and descriptions. */
export function excerpt(record: ArticleRecord, size = 80): string {
  const text = record.sections.flatMap((s) => s.paragraphs).join('') || record.photos.map((p) => p.caption).join('');
  const chars = Array.from(text.replace(/\s+/gu, ''));
  return chars.length > size ? `${chars.slice(0, size).join('')}…` : chars.join('');
}
