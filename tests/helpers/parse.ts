import { parseSeed, type ArticleRecord, type ParseResult } from '../../src/lib/index.ts';

/** Parses a seed given as text under a file name. */
export function parseText(text: string, file = 'page.txt'): ParseResult {
  return parseSeed({ file, content: text });
}

/** Parses a seed given as text and returns its only record (failing if there is not exactly one). */
export function onlyRecord(text: string, file = 'page.txt'): ArticleRecord {
  const { articles } = parseText(text, file);
  const [record, ...others] = articles;
  if (!record || others.length > 0) throw new Error(`expected one record, got ${articles.length}`);
  return record;
}

/** The rule ids of a result's diagnostics. */
export function rules(result: ParseResult): string[] {
  return result.diagnostics.map((d) => d.rule);
}
