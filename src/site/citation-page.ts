import type { ArticleRecord } from '../lib/types.ts';
import { citationSource, type CitationSource } from './citation.ts';
import { PAPER_NAME } from './config.ts';
import { articleHref } from './urls.ts';

/** What an article page's citation block and tags need, computed with its other props. */
export interface CitationProps {
  /** The item's citation facts. */
  citation: CitationSource;
}

/** The citation props of a record, under the configured paper name and the site's URL. */
export function citationProps(record: ArticleRecord): CitationProps {
  const citation = citationSource(record, {
    paper: PAPER_NAME,
    url: new URL(articleHref(record.id), import.meta.env.SITE).href,
  });
  return { citation };
}
