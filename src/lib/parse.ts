import { toBlocks, parseMarkdown } from './blocks.ts';
import { conservationDifference } from './conservation.ts';
import { decode } from './decode.ts';
import { dateFromFileName, isoDate, monthDayFromText, yearForDateline, yearFromText } from './dates.ts';
import { DiagnosticSink } from './diagnostics.ts';
import { splitFrontMatter } from './front-matter.ts';
import { articleId, safeId, seedIdFromFile } from './ids.ts';
import { readItem, type ItemParts } from './item.ts';
import { articleRecordSchema } from './schema.ts';
import { segment } from './segment.ts';
import type { ArticleRecord, DateSource, IssueInfo, ParseResult, SeedInput } from './types.ts';

/** The base name of a path. */
function baseName(file: string): string {
  return file.split(/[\\/]/u).at(-1) ?? file;
}

/** Dates an item: from its dateline with the issue's year (or one read from the text), else the issue. */
function dateItem(
  item: ItemParts,
  issue: { date: string | null; source: DateSource },
  textYear: () => number | undefined,
): { date: string | null; dateSource: DateSource } {
  const monthDay =
    item.dateline?.month !== undefined && item.dateline.day !== undefined
      ? { month: item.dateline.month, day: item.dateline.day }
      : undefined;
  if (monthDay && item.datelineYear !== undefined) {
    return { date: isoDate(item.datelineYear, monthDay.month, monthDay.day), dateSource: 'text' };
  }
  if (monthDay && issue.date) {
    return {
      date: isoDate(yearForDateline(monthDay.month, issue.date), monthDay.month, monthDay.day),
      dateSource: issue.source,
    };
  }
  if (!monthDay && issue.date) return { date: issue.date, dateSource: issue.source };
  const fromText =
    monthDay ??
    monthDayFromText(
      [...item.photos.map((p) => p.caption), ...(item.sections[0]?.paragraphs.slice(0, 1) ?? [])].join('\n'),
    );
  const year = textYear();
  if (fromText && year !== undefined) {
    const date = isoDate(year, fromText.month, fromText.day);
    if (date) return { date, dateSource: 'text' };
  }
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
      sink.warn(
        1,
        'front-matter/unsafe-id',
        `id "${data.id}" is not URL-safe; it was used as "${seedId}". Use lower-case letters, digits, "-" and "_".`,
      );
    }
  }
  const fileDate = dateFromFileName(seed);
  const issueDate: { date: string | null; source: DateSource } = data.date
    ? { date: data.date, source: 'front-matter' }
    : fileDate
      ? { date: fileDate, source: 'file-name' }
      : { date: null, source: 'none' };
  const issue: IssueInfo = {
    date: issueDate.date,
    ...(data.page === undefined ? {} : { page: data.page }),
    ...(data.section === undefined ? {} : { section: data.section }),
    ...(data.paper === undefined ? {} : { paper: data.paper }),
  };

  let year: number | undefined | null = null;
  const textYear = (): number | undefined => {
    if (year === null) {
      year = yearFromText(body);
      if (year === undefined) {
        sink.warn(
          1,
          'date/no-year',
          'No year is known for this page, so its items have no date. Add front matter with "date: yyyy-mm-dd", or put the date in the file name.',
        );
      } else {
        sink.warn(
          1,
          'date/year-from-text',
          `The year ${year} was inferred from the text. Add front matter with "date: yyyy-mm-dd", or put the date in the file name, to be sure.`,
        );
      }
    }
    return year;
  };

  const items = segment(toBlocks(parseMarkdown(body), lineOffset)).map((chunk) => readItem(chunk, sink));
  if (items.length === 0) {
    sink.warn(
      lineOffset + 1,
      'seed/empty',
      "The file has no text, so it adds nothing to the archive. Add the page's text or remove the file.",
    );
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
      sink.error(
        item.line,
        'record/invalid',
        `The item could not be turned into a valid record (${checked.error.issues[0]?.message ?? 'schema'}); it is left out. Please report this with the seed.`,
      );
    }
  });

  const lost = conservationDifference(body, articles);
  if (lost.size > 0) {
    const sample = [...lost.entries()]
      .slice(0, 10)
      .map(([char, delta]) => `${char}${delta > 0 ? '-' : '+'}${Math.abs(delta)}`);
    sink.error(
      1,
      'conservation/text',
      `Han characters or digits were not conserved (${sample.join(' ')}): some printed text is missing from the records. Please report this with the seed.`,
    );
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
    diagnostics.push({
      file: first.seed,
      line: 1,
      rule: 'id/duplicate',
      severity: 'warning',
      message: `Another seed already has the id "${first.seedId}"; this one was given "${seedId}". Give it its own "id:" in front matter or rename the file.`,
    });
    articles.push(...result.articles.map((record) => ({ ...record, seedId, id: articleId(seedId, record.order) })));
  }
  return { articles, diagnostics };
}
