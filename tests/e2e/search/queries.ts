/**
 * The fixture pages' queries: those known to be hard for Pagefind alone, then those taken from
 * the fixture texts by `pickQueries` (scripts/lib/search-quality.ts, which the benchmark shares).
 */
import type { ArticleRecord } from '../../../src/lib/index.ts';
import { pickQueries as pickFrom } from '../../../scripts/lib/search-quality.ts';

export { score, truthOf } from '../../../scripts/lib/search-quality.ts';

/** Queries known to be hard for Pagefind alone on these fixtures (a word starting inside an idiom or a name). */
export const HARD_QUERIES = ['人如织', '如织', '得见', '易所', '京津冀', '天宫画展', '张小玲'];

/** The hard queries, then Han-only queries of 2–6 characters from each record's printed text, without duplicates. */
export function pickQueries(records: readonly ArticleRecord[]): string[] {
  return pickFrom(records, HARD_QUERIES);
}
