/**
 * An item's citation as its page carries it: Highwire Press `citation_*` and Dublin Core `DC.*`
 * tags in the head (what Zotero, Mendeley and Google Scholar read), and the few facts no tag
 * holds as `data-*` attributes of the citation block. The browser reads the citation back from
 * both to make BibTeX, RIS and CSL-JSON, so a page prints its facts once and no file per item is
 * needed. Imports types only: the client bundle takes this module whole.
 */
import type { CitationSource } from './citation.ts';

/** One `<meta name content>` tag. */
export type MetaTag = readonly [name: string, content: string];

/** A tag when its content is known, else none: for optional tags. */
function optional(name: string, content: string | undefined): MetaTag[] {
  return content ? [[name, content]] : [];
}

/** The Highwire Press and Dublin Core tags of an item, in the order the head prints them. */
export function citationTags(source: CitationSource): MetaTag[] {
  const authors = source.authors.map((author) => author.name);
  return [
    ['citation_title', source.title],
    ...authors.map((name): MetaTag => ['citation_author', name]),
    ...optional('citation_publication_date', source.date?.replaceAll('-', '/')),
    ...optional('citation_journal_title', source.paper),
    ...optional('citation_firstpage', source.page),
    ['citation_language', 'zh'],
    ['citation_public_url', source.url],
    ['DC.type', 'NewsItem'],
    ['DC.title', source.title],
    ...authors.map((name): MetaTag => ['DC.creator', name]),
    ...optional('DC.date', source.date),
    ...optional('DC.source', source.paper && (source.page ? `${source.paper}, 第${source.page}版` : source.paper)),
    ['DC.language', 'zh'],
    ['DC.identifier', source.url],
  ];
}

/** What no tag says, as the citation block's `data-*` attributes (absent when not set). */
export interface CitationData {
  /** `data-citation`: the record id (the BibTeX key, the CSL id, the downloads' file name). */
  citation: string;
  /** `data-date-estimated`, present when the date is the dateline's, not the issue's. */
  dateEstimated?: '';
  /** `data-author-kind="organization"` when the authors are an agency, not people. */
  authorKind?: 'organization';
}

/** The citation block's `data-*` attributes of an item. */
export function citationData(source: CitationSource): CitationData {
  // An item is credited either to people or to one agency (citationAuthors), never to both.
  const organization = source.authors.some((author) => author.kind === 'organization');
  return {
    citation: source.id,
    ...(source.dateEstimated ? { dateEstimated: '' as const } : {}),
    ...(organization ? { authorKind: 'organization' as const } : {}),
  };
}

/** The citation block's `dataset` as the browser gives it: {@link CitationData}'s strings, or none. */
export type CitationDataset = { readonly [Key in keyof CitationData]?: string | undefined };

/**
 * The citation read back from a page's tags and its block's `dataset`; undefined when the page
 * lacks the id, the title or the URL.
 */
export function citationFromPage(tags: readonly MetaTag[], data: CitationDataset): CitationSource | undefined {
  const all = (name: string) => tags.filter(([key]) => key === name).map(([, content]) => content);
  const one = (name: string) => all(name)[0];
  const [id, title, url] = [data.citation, one('citation_title'), one('citation_public_url')];
  if (!id || title === undefined || !url) return undefined;
  const kind = data.authorKind === 'organization' ? 'organization' : 'person';
  const date = one('citation_publication_date')?.replaceAll('/', '-');
  const paper = one('citation_journal_title');
  const page = one('citation_firstpage');
  return {
    id,
    title,
    authors: all('citation_author').map((name) => ({ name, kind })),
    ...(paper ? { paper } : {}),
    ...(date ? { date } : {}),
    dateEstimated: data.dateEstimated !== undefined,
    ...(page ? { page } : {}),
    url,
  };
}
