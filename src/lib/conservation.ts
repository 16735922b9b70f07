import type { ArticleRecord } from './types.ts';

/**
 * The printed-text fields of a record, in reading order: every character a seed printed lands in
 * exactly one of these. Derived fields (names, place, dates, ids) are not printed text.
 */
export function printedText(record: ArticleRecord): string[] {
  const texts: string[] = [];
  const push = (text: string | undefined): void => {
    if (text) texts.push(text);
  };
  push(record.kicker);
  push(record.headline);
  push(record.subheadline);
  const endByline = record.byline?.position === 'end';
  if (record.dateline?.position === 'lead') push(record.dateline.raw);
  if (!endByline) push(record.byline?.raw);
  for (const section of record.sections) {
    push(section.heading);
    section.paragraphs.forEach(push);
  }
  for (const photo of record.photos) {
    push(photo.caption);
    push(photo.credit?.raw);
  }
  if (record.dateline?.position === 'end') push(record.dateline.raw);
  if (endByline) push(record.byline?.raw);
  return texts;
}

/** Everything that is not a Han character. */
const NOT_HAN = /\P{Script=Han}+/gu;

/** Per-code-point counts, reused between calls (Han lies below U+40000). */
const counts = new Int32Array(0x40000);

/**
 * Compares the Han characters of a seed body with those of its records and returns what went
 * missing (positive) or appeared (negative), by character; an empty map means every character
 * was conserved.
 */
export function hanDifference(body: string, records: readonly ArticleRecord[]): Map<string, number> {
  const source = body.replace(NOT_HAN, '');
  const kept = records.flatMap(printedText).join('').replace(NOT_HAN, '');
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
