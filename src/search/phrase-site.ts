/**
 * The phrase index of this build's archive, built once from the content collection's records
 * and shared by the endpoint that writes its files and the search page that names them.
 */
import { allRecords } from '../site/collection.ts';
import { buildPhraseIndex, filterValues, type PhraseIndex } from './phrase-build.ts';

let cached: Promise<PhraseIndex> | undefined;

/** The archive's phrase index (built on first use). */
export function sitePhraseIndex(): Promise<PhraseIndex> {
  cached ??= allRecords().then((records) => buildPhraseIndex(records, filterValues));
  return cached;
}
