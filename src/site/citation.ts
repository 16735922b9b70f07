/**
 * What a citation of one item says, built from its record and the site's configuration: the
 * same facts feed the GB/T 7714 line, BibTeX, RIS, CSL-JSON and the `citation_*` tags.
 */
import type { ArticleRecord } from '../lib/types.ts';
import { itemTitle } from './format.ts';

/** An author as a citation names it: a person as printed, or an organisation. */
export interface CitationAuthor {
  /** The name as printed (Chinese names are not split into family and given names). */
  name: string;
  /** `person` for a named reporter or photographer, `organization` for an agency such as 新华社. */
  kind: 'person' | 'organization';
}

/** The facts of one item that every citation format draws on. */
export interface CitationSource {
  /** The record id, used as the BibTeX key and CSL id. */
  id: string;
  /** The headline; for an item printed without one, its opening words in square brackets. */
  title: string;
  /** The people credited, in printed order; else the agency credited; else none. */
  authors: CitationAuthor[];
  /** The newspaper's name: front matter `paper:`, else the site's PAPER_NAME, else unknown. */
  paper?: string;
  /** ISO yyyy-mm-dd of publication: the issue's date, else the dateline's (see `dateEstimated`). */
  date?: string;
  /** True when `date` is not the issue's date but the day the story was filed (an estimate). */
  dateEstimated: boolean;
  /** The printed page (版次), e.g. `3` or `A05`. */
  page?: string;
  /** The item's page in the archive, absolute. */
  url: string;
}

/** The site's part of a citation: the paper's configured name and the item's absolute URL. */
export interface CitationContext {
  /** The configured paper name (PAPER_NAME), used when the seed's front matter names none. */
  paper: string | undefined;
  /** The absolute URL of the item's page. */
  url: string;
}

/**
 * The authors of an item: one per person as printed in its byline (a photo item: in its photo
 * credits); with no name printed, the agency that signs it (byline, photo credit or dateline,
 * e.g. 新华社) as an organisation; with none of these, no author.
 */
export function citationAuthors(record: ArticleRecord): CitationAuthor[] {
  const credits = [
    ...(record.byline ? [record.byline] : []),
    ...record.photos.flatMap((p) => (p.credit ? [p.credit] : [])),
  ];
  const people = [...new Set(credits.flatMap((credit) => credit.names))];
  if (people.length > 0) return people.map((name) => ({ name, kind: 'person' }));
  const agency = credits.find((credit) => credit.agency)?.agency ?? record.dateline?.agency;
  return agency ? [{ name: agency, kind: 'organization' }] : [];
}

/** The citation facts of a record in the site's context. */
export function citationSource(record: ArticleRecord, context: CitationContext): CitationSource {
  const paper = record.issue.paper ?? context.paper;
  const date = record.issue.date ?? record.date ?? undefined;
  return {
    id: record.id,
    title: record.headline || `[${itemTitle(record)}]`,
    authors: citationAuthors(record),
    ...(paper ? { paper } : {}),
    ...(date ? { date } : {}),
    dateEstimated: record.issue.date === null && date !== undefined,
    ...(record.issue.page ? { page: record.issue.page } : {}),
    url: context.url,
  };
}
