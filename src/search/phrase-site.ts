/**
 * The phrase index of this build's archive, built once from the content collection's records
 * and shared by the endpoint that writes its files and the search page that names them.
 */
import { monthOf, placesOf, reportersOf } from '../site/archive.ts';
import { allRecords } from '../site/collection.ts';
import type { ArticleRecord } from '../lib/types.ts';
import { buildPhraseIndex, type PhraseIndex } from './phrase-build.ts';

/** The filter values an article page gives Pagefind (`data-pagefind-filter` in `articles/[id].astro`). */
export function filterValues(record: ArticleRecord): Record<string, readonly string[]> {
  return {
    month: record.date ? [monthOf(record.date)] : [],
    reporter: reportersOf(record),
    place: placesOf(record),
    kind: [record.kind === 'photo' ? '图片' : '文章'],
  };
}

let cached: Promise<PhraseIndex> | undefined;

/** The archive's phrase index (built on first use). */
export function sitePhraseIndex(): Promise<PhraseIndex> {
  cached ??= allRecords().then((records) => buildPhraseIndex(records, filterValues));
  return cached;
}
