/**
 * The phrase index of this build's archive, built once from the content collection's records
 * and shared by the endpoint that writes its files and the search page that names them. Closed
 * periods whose items did not change are taken from Astro's cache folder (`kept-periods.ts`),
 * kept under the digest of `src/` and the lock file; the phrase-index integration names the
 * folders (`virtual:xinhua/phrase-cache`).
 */
import { codeRoot, periodsFolder } from 'virtual:xinhua/phrase-cache';
import { allRecords } from '../site/collection.ts';
import { codeDigest } from '../integrations/cache-record.ts';
import { keptPeriods } from './kept-periods.ts';
import { buildPhraseIndex, filterValues, type PhraseIndex } from './phrase-build.ts';

let cached: Promise<PhraseIndex> | undefined;

/** The archive's phrase index (built on first use). */
export function sitePhraseIndex(): Promise<PhraseIndex> {
  cached ??= allRecords().then((records) => {
    const kept = keptPeriods(periodsFolder, codeDigest(codeRoot, ['src']));
    const index = buildPhraseIndex(records, filterValues, kept);
    kept.prune();
    return index;
  });
  return cached;
}
