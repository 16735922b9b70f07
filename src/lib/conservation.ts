import { hanCharacters } from './chars.ts';
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

/** Counts of each character matched by `pattern` in `texts`. */
function tally(texts: readonly string[], pick: (text: string) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const char of pick(text)) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/**
 * Compares the Han characters of a seed body with those of its records and returns what went
 * missing or appeared (`char` → difference); an empty map means every character was conserved.
 */
export function hanDifference(body: string, records: readonly ArticleRecord[]): Map<string, number> {
  const source = tally([body], hanCharacters);
  const kept = tally(records.flatMap(printedText), hanCharacters);
  const difference = new Map<string, number>();
  for (const char of new Set([...source.keys(), ...kept.keys()])) {
    const delta = (source.get(char) ?? 0) - (kept.get(char) ?? 0);
    if (delta !== 0) difference.set(char, delta);
  }
  return difference;
}
