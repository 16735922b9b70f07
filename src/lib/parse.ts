import { toBlocks, parseMarkdown } from './blocks.ts';
import { conservationDifference } from './conservation.ts';
import { decode } from './decode.ts';
import {
  dateFromFileName,
  isoDate,
  monthDayFromText,
  pageFromFileName,
  yearForDateline,
  yearFromText,
} from './dates.ts';
import { DiagnosticSink } from './diagnostics.ts';
import { splitFrontMatter } from './front-matter.ts';
import { articleId, safeId, seedIdFromFile } from './ids.ts';
import { readItem, type ItemParts } from './item.ts';
import { diagnostic } from './rules.ts';
import { articleRecordSchema } from './schema.ts';
import { segment } from './segment.ts';
import type { ArticleRecord, DateSource, IssueInfo, ParseResult, SeedInput, YearSource } from './types.ts';

/** The base name of a path. */
function baseName(file: string): string {
  return file.split(/[\\/]/u).at(-1) ?? file;
}

/** An item's date and where it came from. */
type ItemDate = Pick<ArticleRecord, 'date' | 'dateSource' | 'yearSource'>;

/** A date read from the text (`dateSource: "text"`) with the source of its year, or no date. */
function textDate(year: number, month: number, day: number, yearSource: YearSource): ItemDate {
  const date = isoDate(year, month, day);
  return date ? { date, dateSource: 'text', yearSource } : { date: null, dateSource: 'none' };
}

/**
 * Dates an item. A dated dateline gives the month and day (`dateSource: "text"`); its year is the
 * one printed in it, else the issue's (`yearSource` says which: `front-matter`, `file-name`), else
 * one read from the page's text (`yearSource: "text"`). With no dated dateline the item takes the
 * issue's date, else a month and day from its opening text with the text's year.
 */
function dateItem(
  item: ItemParts,
  issue: { date: string | null; source: DateSource },
  textYear: () => number | undefined,
): ItemDate {
  const monthDay =
    item.dateline?.month !== undefined && item.dateline.day !== undefined
      ? { month: item.dateline.month, day: item.dateline.day }
      : undefined;
  if (monthDay && item.datelineYear !== undefined) {
    return textDate(item.datelineYear, monthDay.month, monthDay.day, 'text');
  }
  if (monthDay && issue.date && issue.source !== 'none' && issue.source !== 'text') {
    return textDate(yearForDateline(monthDay.month, issue.date), monthDay.month, monthDay.day, issue.source);
  }
  if (!monthDay && issue.date) return { date: issue.date, dateSource: issue.source };
  const fromText =
    monthDay ??
    monthDayFromText(
      [...item.photos.map((p) => p.caption), ...(item.sections[0]?.paragraphs.slice(0, 1) ?? [])].join('\n'),
    );
  const year = textYear();
  if (fromText && year !== undefined) return textDate(year, fromText.month, fromText.day, 'text');
  return { date: null, dateSource: 'none' };
}

/**
 * Parses one seed (a printed page) into article records and diagnostics:
 * decode → front matter → mdast → items → records validated by the schema. Never throws on
 * content: every problem is a diagnostic with file, line and rule id.
 */
export function parseSeed(input: SeedInput): ParseResult {
  const seed = baseName(input.file);
  const sink = new DiagnosticSink(input.file);
  const { text } = decode(input.content, sink);
  if (text === null) return { articles: [], diagnostics: sink.list };

  const { data, body, lineOffset } = splitFrontMatter(text, sink);
  let seedId = seedIdFromFile(seed);
  if (data.id !== undefined) {
    seedId = safeId(data.id);
    if (seedId !== data.id) {
      sink.report(1, 'front-matter/unsafe-id', data.id, seedId);
    }
  }
  const fileDate = dateFromFileName(seed);
  const issueDate: { date: string | null; source: DateSource } = data.date
    ? { date: data.date, source: 'front-matter' }
    : fileDate
      ? { date: fileDate, source: 'file-name' }
      : { date: null, source: 'none' };
  const page = data.page ?? pageFromFileName(seed);
  const issue: IssueInfo = {
    date: issueDate.date,
    ...(page === undefined ? {} : { page }),
    ...(data.section === undefined ? {} : { section: data.section }),
    ...(data.paper === undefined ? {} : { paper: data.paper }),
  };

  let year: number | undefined | null = null;
  const textYear = (): number | undefined => {
    if (year === null) {
      year = yearFromText(body);
      if (year === undefined) sink.report(1, 'date/no-year');
      else sink.report(1, 'date/year-from-text', year);
    }
    return year;
  };

  const items = segment(toBlocks(parseMarkdown(body), lineOffset)).map((chunk) => readItem(chunk, sink));
  if (items.length === 0) {
    sink.report(lineOffset + 1, 'seed/empty');
  }
  const articles: ArticleRecord[] = [];
  items.forEach((item, index) => {
    const order = index + 1;
    const { datelineYear, ...parts } = item;
    const record: ArticleRecord = {
      id: articleId(seedId, order),
      seed,
      seedId,
      order,
      ...parts,
      ...dateItem(item, issueDate, textYear),
      issue,
    };
    const checked = articleRecordSchema.safeParse(record);
    if (checked.success) {
      articles.push(record);
    } else {
      sink.report(item.line, 'record/invalid', checked.error.issues[0]?.message ?? 'schema');
    }
  });

  const lost = conservationDifference(body, articles);
  if (lost.size > 0) {
    const sample = [...lost.entries()]
      .slice(0, 10)
      .map(([char, delta]) => `${char}${delta > 0 ? '-' : '+'}${Math.abs(delta)}`);
    sink.report(1, 'conservation/text', sample.join(' '));
  }
  return { articles, diagnostics: sink.list };
}

/**
 * Parses several seeds. Seeds whose ids collide keep distinct ids (`-2`, `-3`, … in the order
 * given) with a warning; one bad seed never stops the others.
 */
export function parseSeeds(inputs: readonly SeedInput[]): ParseResult {
  const results = inputs.map((input) => parseSeed(input));
  return mergeResults(results);
}

/** Merges per-seed results, making seed ids unique across the archive. */
export function mergeResults(results: readonly ParseResult[]): ParseResult {
  const seen = new Map<string, number>();
  const articles: ArticleRecord[] = [];
  const diagnostics = results.flatMap((result) => result.diagnostics);
  for (const result of results) {
    const first = result.articles[0];
    if (!first) continue;
    const times = (seen.get(first.seedId) ?? 0) + 1;
    seen.set(first.seedId, times);
    if (times === 1) {
      articles.push(...result.articles);
      continue;
    }
    const seedId = `${first.seedId}-${times}`;
    diagnostics.push(diagnostic(first.seed, 1, 'id/duplicate', first.seedId, seedId));
    articles.push(...result.articles.map((record) => ({ ...record, seedId, id: articleId(seedId, record.order) })));
  }
  return { articles, diagnostics };
}
