/**
 * The four citation texts of an item: GB/T 7714-2015 (newspaper article), biblatex, RIS and
 * CSL-JSON. Pure functions of a {@link CitationSource}: the article page prints the GB/T 7714 line,
 * and the browser makes the other three from the page's tags (citation-tags.ts, citation-client.ts).
 */
import type { CitationAuthor, CitationSource } from './citation.ts';

/** What the citations say when the issue's date is unknown and the dateline's is given instead. */
export const ESTIMATED_DATE_NOTE = '出版日期不详，此为电头日期';

/**
 * GB/T 7714-2015, 4.4 and 8: `作者. 题名[N]. 报纸名, 出版日期(版次).`
 * - persons as printed, at most three, then `, 等` (8.1.1); an agency as a corporate author
 *   (8.1.2); no author at all: the entry opens with the title (8.1.3, numeric system);
 * - a date that is not the issue's own is an estimate, in square brackets (8.3.2);
 * - a paper whose name is not known: `[报纸名不详]`, by analogy with `[出版者不详]` (8.4.3).
 */
export function gbt7714(source: CitationSource): string {
  const names = source.authors.map((author) => author.name);
  const authors = names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
  const date = source.date ? (source.dateEstimated ? `[${source.date}]` : source.date) : '[出版日期不详]';
  const page = source.page ? `(${source.page})` : '';
  return `${authors ? `${authors}. ` : ''}${source.title}[N]. ${source.paper ?? '[报纸名不详]'}, ${date}${page}.`;
}

/** Escapes a value for a brace-delimited BibTeX field (not for `url`, which biblatex reads verbatim). */
function bibEscape(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/gu, (char) => {
    if (char === '\\') return '\\textbackslash{}';
    if (char === '~') return '\\textasciitilde{}';
    if (char === '^') return '\\textasciicircum{}';
    return `\\${char}`;
  });
}

/** One biblatex name: an organisation in an extra pair of braces so it is never split. */
function bibName(author: CitationAuthor): string {
  const name = bibEscape(author.name);
  return author.kind === 'organization' ? `{${name}}` : name;
}

/** A `[key, value]` pair when the value is known, else nothing: for optional fields. */
function optional(key: string, value: string | undefined): [string, string][] {
  return value === undefined ? [] : [[key, value]];
}

/** biblatex: `@article` with `entrysubtype = {newspaper}`, keyed by the record id. */
export function bibtex(source: CitationSource): string {
  const fields: [string, string][] = [
    ['entrysubtype', 'newspaper'],
    ...optional('author', source.authors.length ? source.authors.map(bibName).join(' and ') : undefined),
    ['title', bibEscape(source.title)],
    ...optional('journaltitle', source.paper && bibEscape(source.paper)),
    ...optional('date', source.date),
    ...optional('pages', source.page && bibEscape(source.page)),
    ['langid', 'chinese'],
    ['url', source.url],
    ...optional('note', source.dateEstimated ? ESTIMATED_DATE_NOTE : undefined),
  ];
  return `@article{${source.id},\n${fields.map(([key, value]) => `  ${key} = {${value}},`).join('\n')}\n}\n`;
}

/** RIS: `TY  - NEWS`, one `AU` per author, the date as `yyyy/mm/dd/`. */
export function ris(source: CitationSource): string {
  const tags: [string, string][] = [
    ['TY', 'NEWS'],
    ...source.authors.map((author): [string, string] => ['AU', author.name]),
    ['TI', source.title],
    ...optional('T2', source.paper),
    ...optional('DA', source.date && `${source.date.replaceAll('-', '/')}/`),
    ...optional('PY', source.date?.slice(0, 4)),
    ...optional('SP', source.page),
    ['LA', 'zh'],
    ['UR', source.url],
    ...optional('N1', source.dateEstimated ? ESTIMATED_DATE_NOTE : undefined),
    ['ER', ''],
  ];
  return `${tags.map(([tag, value]) => `${tag}  - ${value}`).join('\n')}\n`;
}

/** One CSL-JSON item (`article-newspaper`), as the CSL schema defines it. */
export interface CslItem {
  /** The record id. */
  id: string;
  /** Always `article-newspaper`. */
  type: 'article-newspaper';
  /** The headline. */
  title: string;
  /** The paper's name. */
  'container-title'?: string;
  /** The authors, each a literal name (Chinese names are not split). */
  author?: { literal: string }[];
  /** The date of publication; `circa` when it is the dateline's. */
  issued?: { 'date-parts': [[number, number, number]]; circa?: true };
  /** The printed page. */
  page?: string;
  /** `zh-CN`. */
  language: string;
  /** The item's page in the archive. */
  URL: string;
  /** Why the date is an estimate, when it is. */
  note?: string;
}

/** CSL-JSON: one `article-newspaper` item. */
export function cslItem(source: CitationSource): CslItem {
  const [year = 0, month = 0, day = 0] = (source.date ?? '').split('-').map(Number);
  return {
    id: source.id,
    type: 'article-newspaper',
    title: source.title,
    ...(source.paper ? { 'container-title': source.paper } : {}),
    ...(source.authors.length ? { author: source.authors.map((author) => ({ literal: author.name })) } : {}),
    ...(source.date
      ? { issued: { 'date-parts': [[year, month, day]], ...(source.dateEstimated ? { circa: true as const } : {}) } }
      : {}),
    ...(source.page ? { page: source.page } : {}),
    language: 'zh-CN',
    URL: source.url,
    ...(source.dateEstimated ? { note: ESTIMATED_DATE_NOTE } : {}),
  };
}

/** CSL-JSON as a file holds it: an array of items, pretty-printed. */
export function cslJson(source: CitationSource): string {
  return `${JSON.stringify([cslItem(source)], null, 2)}\n`;
}

/** A format the citation block offers beside GB/T 7714, made in the browser. */
export interface CitationFormat {
  /** Its key: the `<pre>` is `#citation-<key>`. */
  key: 'bibtex' | 'ris' | 'csl';
  /** Its heading. */
  label: string;
  /** The downloaded file's extension. */
  extension: string;
  /** The downloaded file's media type. */
  type: string;
  /** Its text of an item. */
  text: (source: CitationSource) => string;
}

/** BibTeX, RIS and CSL-JSON, in the order the block shows them. */
export const CITATION_FORMATS: readonly CitationFormat[] = [
  { key: 'bibtex', label: 'BibTeX（biblatex）', extension: 'bib', type: 'application/x-bibtex', text: bibtex },
  { key: 'ris', label: 'RIS', extension: 'ris', type: 'application/x-research-info-systems', text: ris },
  {
    key: 'csl',
    label: 'CSL-JSON',
    extension: 'json',
    type: 'application/vnd.citationstyles.csl+json',
    text: cslJson,
  },
];
