/**
 * Text helpers for results: finding the query in an item's text, excerpts with `<mark>`, and
 * the item's sections (from its `<h2 id>` subheads) so a match can link to its section.
 */
import { foldText } from './normalize.ts';
import type { PagefindData } from './pagefind-api.ts';

/** A half-open range of UTF-16 offsets. */
export interface Range {
  /** First offset. */
  start: number;
  /** Offset after the last. */
  end: number;
}

/** A section of an item's text, headed by a subhead with an id. */
export interface Section {
  /** The subhead's id (`s2`). */
  id: string;
  /** The subhead as printed. */
  title: string;
  /** Where the section starts in the item's text. */
  start: number;
  /** Where it ends. */
  end: number;
}

/** Escapes text for use in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}

/** Whether `text` holds every term (compared after folding, see `foldText`). */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const folded = foldText(text);
  return terms.length > 0 && terms.every((term) => folded.includes(term));
}

/** Every place where one of `terms` occurs in `text` (folded), sorted and merged. */
export function occurrences(text: string, terms: readonly string[]): Range[] {
  const folded = foldText(text);
  const found: Range[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + term.length)) {
      found.push({ start: at, end: at + term.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** HTML of `text[from, to)` with the parts inside `ranges` wrapped in `<mark>`. */
export function markRanges(text: string, ranges: readonly Range[], from = 0, to = text.length): string {
  let html = '';
  let at = from;
  for (const range of ranges) {
    const start = Math.max(range.start, from);
    const end = Math.min(range.end, to);
    if (end <= start) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** Moves an offset off the second half of a surrogate pair. */
function onBoundary(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/** An excerpt of about `size` characters of `text[from, to)` around the first range, as HTML with marks. */
export function excerptHtml(text: string, ranges: readonly Range[], size = 72, from = 0, to = text.length): string {
  const first = ranges.find((range) => range.end > from && range.start < to);
  let start = first ? Math.max(from, first.start - Math.floor(size / 3)) : from;
  const end = onBoundary(text, Math.min(to, start + size));
  start = onBoundary(text, Math.max(from, Math.min(start, end - size)));
  const body = markRanges(text, ranges, start, end).replace(/\s+/gu, ' ').trim();
  return `${start > from ? '…' : ''}${body}${end < to ? '…' : ''}`;
}

/**
 * The item's text as Pagefind indexed it, and where each indexed word starts in it (Pagefind's
 * word positions index these, e.g. an anchor's `location`).
 */
export function wordOffsets(data: Pick<PagefindData, 'raw_content' | 'content'>): { text: string; offsets: number[] } {
  if (!data.raw_content.includes('\u200b')) return { text: data.content, offsets: [] };
  const words = data.raw_content.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').split('\u200b');
  const offsets: number[] = [];
  let at = 0;
  for (const word of words) {
    offsets.push(at);
    at += word.length;
  }
  return { text: words.join(''), offsets };
}

/** The item's sections that start with a subhead, from Pagefind's anchors. */
export function sections(data: Pick<PagefindData, 'anchors'>, offsets: readonly number[], length: number): Section[] {
  const heads = data.anchors
    .filter((anchor) => /^h\d$/iu.test(anchor.element) && anchor.id && anchor.text.trim())
    .sort((a, b) => a.location - b.location);
  return heads.map((anchor, i) => {
    const next = heads[i + 1];
    return {
      id: anchor.id,
      title: anchor.text.trim(),
      start: offsets[anchor.location] ?? length,
      end: next ? (offsets[next.location] ?? length) : length,
    };
  });
}
