/**
 * The catalogue of diagnostic rules: every problem the parser reports, with its stable id, its
 * severity, what happened (`message`) and what to do (`hint`). Modules report by id
 * (`sink.report(line, 'item/empty', headline)`); the README's table of rules is checked against
 * this catalogue (`npm run check -- --list-rules` prints it).
 */
import type { Diagnostic } from './types.ts';

/** One rule of the catalogue. */
export interface RuleData<Args extends readonly unknown[] = never[]> {
  /** `error` fails `--strict` and the CLI; `warning` is reported only. */
  severity: Diagnostic['severity'];
  /** One line on when the rule fires, for the README's table. */
  summary: string;
  /** What happened and why, from the details of one occurrence. */
  message: (...args: Args) => string;
  /** What to do about it. */
  hint: string;
}

/** Builds a catalogue entry, keeping its argument types. */
function rule<Args extends readonly unknown[]>(data: RuleData<Args>): RuleData<Args> {
  return data;
}

/** Every diagnostic rule, by id (`area/what`). */
export const RULES = {
  'decode/unreadable': rule({
    severity: 'error',
    summary: 'A seed file could not be read.',
    message: (reason: string) => `The file could not be read (${reason}).`,
    hint: 'Check the path and its permissions.',
  }),
  'decode/invalid': rule({
    severity: 'error',
    summary: 'The bytes are neither UTF-8, UTF-16 with a byte-order mark, nor GB18030.',
    message: (detail: string) => `The file ${detail}.`,
    hint: 'Re-save it as UTF-8.',
  }),
  'decode/gb18030': rule({
    severity: 'warning',
    summary: 'The file is not UTF-8 and was read as GB18030/GBK.',
    message: (offset: number) => `The file is not UTF-8 (offset ${offset}); it was read as GB18030/GBK.`,
    hint: 'Re-save it as UTF-8 to silence this.',
  }),
  'text/control-character': rule({
    severity: 'warning',
    summary: 'Control characters (NUL and the like) were dropped.',
    message: (count: number) =>
      `${count} control character(s) (NUL and the like, first on this line) are not printed text and were dropped.`,
    hint: 'Remove them from the seed.',
  }),
  'front-matter/invalid-yaml': rule({
    severity: 'error',
    summary: 'The front matter is not valid YAML; it is ignored.',
    message: (reason: string) => `The front matter is not valid YAML (${reason}).`,
    hint: 'Fix the YAML between the two --- lines.',
  }),
  'front-matter/invalid': rule({
    severity: 'error',
    summary: 'The front matter is not a mapping of keys.',
    message: () => 'The front matter must be a YAML mapping of keys (date, page, section, paper, id).',
    hint: 'Write one "key: value" per line.',
  }),
  'front-matter/unknown-key': rule({
    severity: 'warning',
    summary: 'A front-matter key the archive does not know is ignored.',
    message: (key: string) => `Unknown front-matter key "${key}" is ignored.`,
    hint: 'Known keys: date, page, section, paper, id.',
  }),
  'front-matter/invalid-date': rule({
    severity: 'error',
    summary: 'The front-matter `date` is not a calendar date.',
    message: (value: string) => `date: ${value} is not a date.`,
    hint: 'Write the issue date as yyyy-mm-dd, e.g. date: 2026-04-01.',
  }),
  'front-matter/invalid-value': rule({
    severity: 'error',
    summary: 'A front-matter value is neither a string nor a number.',
    message: (key: string) => `${key} must be a string or a number; the value is ignored.`,
    hint: 'Write it as text, e.g. page: A05.',
  }),
  'front-matter/unsafe-id': rule({
    severity: 'warning',
    summary: 'The front-matter `id` is not URL-safe and was made so.',
    message: (id: string, used: string) => `id "${id}" is not URL-safe; it was used as "${used}".`,
    hint: 'Use lower-case letters, digits, "-" and "_".',
  }),
  'id/duplicate': rule({
    severity: 'warning',
    summary: 'Two seeds have the same id; the later one gets a `-2`, `-3`, … suffix.',
    message: (id: string, used: string) => `Another seed already has the id "${id}"; this one was given "${used}".`,
    hint: 'Give it its own "id:" in front matter or rename the file.',
  }),
  'date/no-year': rule({
    severity: 'warning',
    summary: 'Neither front matter, file name nor text gives a year: items have no date.',
    message: () => 'No year is known for this page, so its items have no date.',
    hint: 'Add front matter with "date: yyyy-mm-dd", or put the date in the file name.',
  }),
  'date/year-from-text': rule({
    severity: 'warning',
    summary: "The year was inferred from the page's text.",
    message: (year: number) => `The year ${year} was inferred from the text.`,
    hint: 'Add front matter with "date: yyyy-mm-dd", or put the date in the file name, to be sure.',
  }),
  'seed/empty': rule({
    severity: 'warning',
    summary: 'The file has no text.',
    message: () => 'The file has no text, so it adds nothing to the archive.',
    hint: "Add the page's text or remove the file.",
  }),
  'item/missing-headline': rule({
    severity: 'warning',
    summary: 'An item has no headline.',
    message: () => 'This item has no headline.',
    hint: 'Put its headline on a line of its own starting with "# " above the text.',
  }),
  'item/empty': rule({
    severity: 'warning',
    summary: 'A headline has no text below it.',
    message: (headline: string) => `The item "${headline}" has no text.`,
    hint: 'Add its paragraphs below the headline, or remove the headline.',
  }),
  'item/long-headline': rule({
    severity: 'warning',
    summary: 'A headline is over 80 characters.',
    message: () => 'The headline is over 80 characters; a paragraph may have been marked as a heading.',
    hint: 'Check the "# " lines around it.',
  }),
  'item/unplaced-credit': rule({
    severity: 'warning',
    summary: 'A second byline or closing dateline inside an item is kept as a paragraph.',
    message: (line: number) =>
      `Line ${line} reads as a byline or dateline, but this item already has one; it is kept as a paragraph.`,
    hint: 'If it starts another article, put a "# " headline above it.',
  }),
  'paragraph/column-break': rule({
    severity: 'warning',
    summary: 'A paragraph cut by a column break was joined back.',
    message: (first: number, second: number) =>
      `Line ${first} ends mid-sentence and line ${second} continues it; they were joined as one paragraph (a column break).`,
    hint: 'If they are two paragraphs, end the first line with its punctuation.',
  }),
  'record/invalid': rule({
    severity: 'error',
    summary: 'An item did not validate against the record schema and is left out.',
    message: (reason: string) => `The item could not be turned into a valid record (${reason}); it is left out.`,
    hint: 'Please report this with the seed.',
  }),
  'conservation/text': rule({
    severity: 'error',
    summary: 'Some Han characters or digits of the seed are in no record.',
    message: (sample: string) =>
      `Han characters or digits were not conserved (${sample}): some printed text is missing from the records.`,
    hint: 'Please report this with the seed.',
  }),
} as const;

/** A rule id of the catalogue. */
export type RuleId = keyof typeof RULES;

/** The details a rule's message takes. */
export type RuleArgs<Id extends RuleId> = Parameters<(typeof RULES)[Id]['message']>;

/** Every rule id, in catalogue order. */
export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Builds the diagnostic of one occurrence of a rule: message and hint in one sentence pair. */
export function diagnostic<Id extends RuleId>(file: string, line: number, id: Id, ...args: RuleArgs<Id>): Diagnostic {
  const data = RULES[id] as unknown as RuleData<RuleArgs<Id>>;
  return { file, line, rule: id, severity: data.severity, message: `${data.message(...args)} ${data.hint}` };
}

/** The catalogue as a Markdown table (rule, severity, when, what to do), as the README prints it. */
export function rulesTable(): string {
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  const rows = RULE_IDS.map((id) => {
    const data = RULES[id];
    return `| \`${id}\` | ${data.severity} | ${cell(data.summary)} | ${cell(data.hint)} |`;
  });
  return ['| rule | severity | when | what to do |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
