import type { ArticleRecord, Credit } from './types.ts';

/** Every credit of an item in reading order: byline, a roundup's later datelines' credits, photo credits. */
function creditsOf(record: ArticleRecord): Credit[] {
  return [
    ...(record.byline ? [record.byline] : []),
    ...(record.datelines ?? []).flatMap((dateline) => (dateline.credit ? [dateline.credit] : [])),
    ...record.photos.flatMap((photo) => (photo.credit ? [photo.credit] : [])),
  ];
}

/**
 * The people an item credits, each once, in reading order: its byline's names, those of a
 * roundup's later datelines (`新华社东京4月19日电（记者 …）`) and its photographers. Reporter
 * pages list the item under each.
 */
export function creditedNames(record: ArticleRecord): string[] {
  return [...new Set(creditsOf(record).flatMap((credit) => credit.names))];
}

/**
 * The places an item was filed from, each once: its dateline's and a roundup's later datelines'.
 * Place pages list the item under each.
 */
export function filedFrom(record: ArticleRecord): string[] {
  const places = [record.dateline, ...(record.datelines ?? [])].flatMap((dateline) =>
    dateline?.place ? [dateline.place] : [],
  );
  return [...new Set(places)];
}

/** The item's column: the label printed before its headline, else the brand its byline names (`新华视点记者 …`). */
export function columnOf(record: ArticleRecord): string | undefined {
  return record.column ?? record.byline?.column;
}
