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
 * The characters conservation counts: Han characters and digits (ASCII or full-width), one flag a
 * code point below U+40000 (every Han character lies below it). `丨` (U+4E28) is a Han character
 * by Unicode, but the press prints it as the separator of a column label (`新华视点丨…`), which the
 * record keeps as `column` without it: it counts as punctuation. Built on first use (a few tens of
 * milliseconds), so each text is then read once, with no copy made of it.
 */
let conserved: Uint8Array | undefined;

/** The table of counted characters. */
function conservedTable(): Uint8Array {
  if (conserved) return conserved;
  const table = new Uint8Array(0x40000);
  const han = /^\p{Script=Han}$/u;
  for (let code = 0; code < table.length; code += 1) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (han.test(String.fromCodePoint(code))) table[code] = 1;
  }
  for (let code = 0x30; code <= 0x39; code += 1) table[code] = 1;
  for (let code = 0xff10; code <= 0xff19; code += 1) table[code] = 1;
  table[0x4e28] = 0;
  conserved = table;
  return table;
}

/** Per-code-point counts, reused between calls. */
const counts = new Int32Array(0x40000);

/**
 * Compares the Han characters and digits of a seed body with those of some text (or of its
 * records' printed text) and returns what went missing (positive) or appeared (negative), by
 * character, in the order each first appears; an empty map means every character was conserved.
 */
export function conservationDifference(body: string, kept: string | readonly ArticleRecord[]): Map<string, number> {
  const table = conservedTable();
  const touched: number[] = [];
  const tally = (text: string, step: 1 | -1): void => {
    for (let i = 0; i < text.length; i += 1) {
      const code = text.codePointAt(i) ?? 0;
      if (code > 0xffff) i += 1;
      if (table[code] !== 1) continue;
      if (counts[code] === 0) touched.push(code);
      counts[code] = (counts[code] ?? 0) + step;
    }
  };
  tally(body, 1);
  if (typeof kept === 'string') tally(kept, -1);
  else for (const record of kept) for (const text of printedText(record)) tally(text, -1);
  const difference = new Map<string, number>();
  for (const code of touched) {
    const delta = counts[code] ?? 0;
    if (delta !== 0 && !difference.has(String.fromCodePoint(code))) difference.set(String.fromCodePoint(code), delta);
    counts[code] = 0;
  }
  return difference;
}
