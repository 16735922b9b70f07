/** Turns a Pagefind result's data into what the results list shows. */
import type { PagefindData } from './pagefind-api.ts';
import { HIGHLIGHT_PARAM } from './params.ts';
import { excerptHtml, markRanges, occurrences, sections, wordOffsets } from './text.ts';

/** A section of an item where the query was found. */
export interface SectionHit {
  /** The subhead. */
  title: string;
  /** Link to the section, with highlight terms. */
  url: string;
  /** Excerpt around the match, HTML with `<mark>`. */
  excerpt: string;
}

/** One result as shown. */
export interface Hit {
  /** Link to the article, with highlight terms. */
  url: string;
  /** The headline. */
  title: string;
  /** The headline as HTML, query marked. */
  titleHtml: string;
  /** ISO date. */
  date?: string | undefined;
  /** Dateline place. */
  place?: string | undefined;
  /** Printed page label. */
  page?: string | undefined;
  /** `文章` or `图片`. */
  kind?: string | undefined;
  /** The item holds the whole query. */
  exact: boolean;
  /** Excerpt, HTML with `<mark>`. */
  excerpt: string;
  /** Sections holding the query (at most three). */
  sections: SectionHit[];
  /** Position in Pagefind's answer. */
  order: number;
}

/** Adds highlight parameters (one per term) to a URL, before any `#fragment`. */
export function withHighlight(url: string, terms: readonly string[], fragment = ''): string {
  const params = terms.map((term) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(term)}`).join('&');
  const joined = params ? `${url}${url.includes('?') ? '&' : '?'}${params}` : url;
  return fragment ? `${joined}#${fragment}` : joined;
}

/** Builds the shown result; `marks` are the strings to highlight (the terms, or their words for a scattered match). */
export function buildHit(data: PagefindData, marks: readonly string[], exact: boolean, order: number): Hit {
  const { text, offsets } = wordOffsets(data);
  const found = occurrences(text, marks);
  // Pagefind ends each block it indexed with `. `; excerpts show a space there (same length, so offsets hold).
  const shown = text.replace(/(?<=[^\p{ASCII}])\. /gu, '  ');
  const title = data.meta.title ?? '';
  const parts = sections(data, offsets, text.length);
  const sectionHits = parts
    .filter((part) => found.some((range) => range.start >= part.start && range.start < part.end))
    .slice(0, 3)
    .map((part) => ({
      title: part.title,
      url: withHighlight(data.url, marks, part.id),
      excerpt: excerptHtml(shown, found, 48, part.start + part.title.length, part.end),
    }));
  // The text opens with the headline block; start the excerpt at the first match after it.
  const bodyStart = text.startsWith(title) ? title.length : 0;
  const bodyHits = found.filter((range) => range.start >= bodyStart);
  return {
    url: withHighlight(data.url, marks),
    title,
    titleHtml: markRanges(title, occurrences(title, marks)),
    date: data.meta.date,
    place: data.meta.place,
    page: data.meta.page,
    kind: data.filters.kind?.[0],
    exact,
    excerpt: excerptHtml(shown, bodyHits.length > 0 ? bodyHits : found, 72, bodyStart),
    sections: sectionHits,
    order,
  };
}
