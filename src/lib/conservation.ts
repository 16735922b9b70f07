import type { ArticleRecord } from './types.ts';

/**
 * The printed-text fields of a record, in reading order: every character a seed printed lands in
 * exactly one of these. Derived fields (names, people, place, dates, ids, a credit's column brand,
 * a roundup's later `datelines`, whose text stays in the paragraphs) are not printed text.
 */
export function printedText(record: ArticleRecord): string[] {
  const texts: string[] = [];
  const push = (text: string | undefined): void => {
    if (text) texts.push(text);
  };
  push(record.column);
  push(record.kicker);
  push(record.headline);
  push(record.subheadline);
  const endByline = record.byline?.position === 'end';
  if (record.dateline?.position === 'lead') push(record.dateline.raw);
  if (!endByline) push(record.byline?.raw);
  for (const jump of record.jumps ?? []) if (jump.direction === 'from') push(jump.raw);
  for (const section of record.sections) {
    push(section.heading);
    section.paragraphs.forEach(push);
  }
  for (const jump of record.jumps ?? []) if (jump.direction === 'to') push(jump.raw);
  for (const photo of record.photos) {
    push(photo.caption);
    push(photo.credit?.raw);
  }
  if (record.dateline?.position === 'end') push(record.dateline.raw);
  if (endByline) push(record.byline?.raw);
  return texts;
}

/**
 * Everything that is neither a Han character nor a digit (ASCII or full-width). `丨` (U+4E28) is
 * a Han character by Unicode, but the press prints it as the separator of a column label
 * (`新华视点丨…`), which the record keeps as `column` without it: it counts as punctuation.
 */
const NOT_CONSERVED = /[^\p{Script=Han}0-9０-９]+|丨/gu;

/** Per-code-point counts, reused between calls (Han and digits lie below U+40000). */
const counts = new Int32Array(0x40000);

/**
 * Compares the Han characters and digits of a seed body with those of some text (or of its
 * records' printed text) and returns what went missing (positive) or appeared (negative), by
 * character; an empty map means every character was conserved.
 */
export function conservationDifference(body: string, kept: string | readonly ArticleRecord[]): Map<string, number> {
  return countDifference(
    body.replace(NOT_CONSERVED, ''),
    (typeof kept === 'string' ? kept : kept.flatMap(printedText).join('')).replace(NOT_CONSERVED, ''),
  );
}

/** The difference of two strings as multisets of code points. */
function countDifference(source: string, kept: string): Map<string, number> {
  const touched: number[] = [];
  for (let i = 0; i < source.length; i += 1) {
    const code = source.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    if (counts[code] === 0) touched.push(code);
    counts[code] = (counts[code] ?? 0) + 1;
  }
  for (let i = 0; i < kept.length; i += 1) {
    const code = kept.codePointAt(i) ?? 0;
    if (code > 0xffff) i += 1;
    if (counts[code] === 0) touched.push(code);
    counts[code] = (counts[code] ?? 0) - 1;
  }
  const difference = new Map<string, number>();
  for (const code of touched) {
    const delta = counts[code] ?? 0;
    if (delta !== 0 && !difference.has(String.fromCodePoint(code))) difference.set(String.fromCodePoint(code), delta);
    counts[code] = 0;
  }
  return difference;
}
