/**
 * The RSS 2.0 feed's items, built from records: the full text as HTML by the unified pipeline
 * (mdast built from the record → remark-rehype → rehype-stringify), names in `dc:creator`,
 * RFC 822 dates in Beijing time.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ArticleRecord } from '../lib/types.ts';
import { citationAuthors } from './citation.ts';
import { itemTitle } from './format.ts';

/** How many items the feed carries: the newest; the whole archive is in the JSON API. */
export const FEED_SIZE = 100;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-04-01` → `Wed, 01 Apr 2026 00:00:00 +0800` (RFC 822: the paper's day is a Beijing day). */
export function rfc822(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = WEEKDAYS[day.getUTCDay()] ?? '';
  const month = MONTHS[day.getUTCMonth()] ?? '';
  return `${weekday}, ${date.slice(8, 10)} ${month} ${date.slice(0, 4)} 00:00:00 +0800`;
}

/** A paragraph node of plain text (printed `<` and `&` stay text). */
function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

/** A text node. */
function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

/** The mdast of an item's full text, in print order: byline, dateline, sections, photos. */
export function recordMdast(record: ArticleRecord): Root {
  const children: RootContent[] = [];
  const { byline, dateline } = record;
  if (byline?.position === 'top') children.push(paragraph(text(byline.raw)));
  const lead: PhrasingContent[] =
    dateline?.position === 'lead'
      ? [{ type: 'strong', children: [text(dateline.raw)] }, ...(byline?.position === 'lead' ? [text(byline.raw)] : [])]
      : [];
  record.sections.forEach((section, s) => {
    if (section.heading) children.push({ type: 'heading', depth: 2, children: [text(section.heading)] });
    section.paragraphs.forEach((value, p) => {
      children.push(s === 0 && p === 0 && lead.length ? paragraph(...lead, text(value)) : paragraph(text(value)));
    });
  });
  if (record.sections.length === 0 && lead.length) children.push(paragraph(...lead));
  for (const photo of record.photos) {
    const lines = photo.caption.split('\n');
    children.push(
      paragraph(...lines.flatMap((line, i): PhrasingContent[] => (i ? [{ type: 'break' }, text(line)] : [text(line)]))),
    );
    if (photo.credit) children.push(paragraph(text(photo.credit.raw)));
  }
  if (dateline?.position === 'end') children.push(paragraph(text(dateline.raw)));
  if (byline?.position === 'end') children.push(paragraph(text(byline.raw)));
  return { type: 'root', children };
}

const toHtml = unified().use(remarkRehype).use(rehypeStringify);

/** mdast → HTML through remark-rehype and rehype-stringify. */
export function mdastToHtml(tree: Root): string {
  return toHtml.stringify(toHtml.runSync(tree));
}

/** The item's full text as HTML. */
export function recordHtml(record: ArticleRecord): string {
  return mdastToHtml(recordMdast(record));
}

/** An excerpt as HTML: the opening paragraphs up to about `size` characters, breaks kept. */
export function excerptHtml(record: ArticleRecord, size = 200): string {
  const paragraphs = [...record.sections.flatMap((s) => s.paragraphs), ...record.photos.map((p) => p.caption)];
  const kept: Paragraph[] = [];
  let left = size;
  for (const value of paragraphs) {
    if (left <= 0) break;
    const chars = Array.from(value);
    kept.push(paragraph(text(chars.length > left ? `${chars.slice(0, left).join('')}…` : value)));
    left -= chars.length;
  }
  return mdastToHtml({ type: 'root', children: kept });
}

/** Escapes text for XML. */
function xml(value: string): string {
  return value.replace(/[<>&"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** One feed item of a record; `link` is the item's absolute URL. */
export function feedItem(record: ArticleRecord, link: string): RSSFeedItem {
  const creators = citationAuthors(record).map((author) => `<dc:creator>${xml(author.name)}</dc:creator>`);
  return {
    title: itemTitle(record),
    link,
    description: excerptHtml(record),
    content: recordHtml(record),
    categories: [record.kind === 'photo' ? '图片' : '文章', ...(record.issue.section ? [record.issue.section] : [])],
    customData: [...creators, ...(record.date ? [`<pubDate>${rfc822(record.date)}</pubDate>`] : [])].join(''),
  };
}
