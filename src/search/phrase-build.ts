/**
 * Builds the phrase index from the archive's records (not from its HTML): the bigram postings
 * of each period's items, the postings of the headlines, and the filter values, written as
 * shard files (see `phrase-codec.ts`). No Astro import: the endpoint that writes the files, the
 * search page that names them and the tests share it.
 */
import { printedText } from '../lib/conservation.ts';
import type { ArticleRecord } from '../lib/types.ts';
import { monthOf, placesOf, reportersOf } from '../site/archive.ts';
import {
  encodePostings,
  encodeShard,
  filterGram,
  filterListPath,
  gramsOf,
  periodShardPath,
  PHRASE_VERSION,
  shardOf,
  shardKey,
  titleKey,
  type PhraseManifest,
} from './phrase-codec.ts';

/** Shards are sized to about this many bytes on average, so a query fetches a few kB. */
const SHARD_BYTES = 1024;

/** Items per block of the item → fragment map. */
export const MAP_BLOCK = 64;

/** Filters whose values grow with the archive (names): the page lists the most frequent, a file all of them. */
export const LISTED_FILTERS = ['reporter', 'place'] as const;

/** The built index: its manifest, its files (path inside the index folder → bytes) and the item ids in item order. */
export interface PhraseIndex {
  /** What the search page is told. */
  manifest: PhraseManifest;
  /** Shard files. */
  files: Map<string, Uint8Array>;
  /** Article id of each item number. */
  ids: string[];
  /** Every value of each listed filter, the most frequent first (also written as `f/<key>.txt`). */
  lists: Record<(typeof LISTED_FILTERS)[number], string[]>;
}

/** The filter values of a record, as the article page gives them to Pagefind (`data-pagefind-filter`). */
export type FilterValues = (record: ArticleRecord) => Record<string, readonly string[]>;

/** The filter values an article page gives Pagefind (`data-pagefind-filter` in `articles/[id].astro`). */
export function filterValues(record: ArticleRecord): Record<string, readonly string[]> {
  return {
    month: record.date ? [monthOf(record.date)] : [],
    reporter: reportersOf(record),
    place: placesOf(record),
    kind: [record.kind === 'photo' ? '图片' : '文章'],
  };
}

/** The period of an item: the year of its date, or `undated`. */
export function periodOf(record: Pick<ArticleRecord, 'date'>): string {
  const year = record.date?.slice(0, 4);
  return year && /^\d{4}$/u.test(year) ? year : 'undated';
}

/** The smallest power of two of at least `n` (and at least 1). */
function powerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Encodes keys → local postings into shard files at `path(shard)` (postings over `count` items),
 * with `extra` keys' postings over `extraCount` items beside them; returns the shard count.
 */
function writeShards(
  postings: Map<string, number[]>,
  count: number,
  path: (shard: number) => string,
  files: Map<string, Uint8Array>,
  extra = new Map<string, number[]>(),
  extraCount = 0,
): number {
  const encoded = [
    ...[...postings].map(([key, items]) => [key, encodePostings(items, count)] as const),
    ...[...extra].map(([key, items]) => [key, encodePostings(items, extraCount)] as const),
  ];
  const total = encoded.reduce((sum, [gram, { bytes }]) => sum + bytes.length + gram.length * 3 + 3, 0);
  const shards = powerOfTwo(Math.ceil(total / SHARD_BYTES));
  const buckets: (typeof encoded)[] = Array.from({ length: shards }, () => []);
  for (const entry of encoded) buckets[shardOf(shardKey(entry[0]), shards)]?.push(entry);
  // Every shard is written, an empty one as an empty file: a gram no item holds is then answered by a
  // file of no bytes rather than by the 404 page.
  buckets.forEach((bucket, shard) => files.set(path(shard), encodeShard(bucket)));
  return shards;
}

/** Adds `item` to the postings of each of `keys`. */
function post(postings: Map<string, number[]>, keys: Iterable<string>, item: number): void {
  for (const key of keys) {
    const list = postings.get(key);
    if (list) list.push(item);
    else postings.set(key, [item]);
  }
}

/**
 * Builds the index of `records`, which must be in the archive's order (newest first, as
 * `sortRecords` gives them): that order numbers the items, and each period is a run of them.
 */
export function buildPhraseIndex(records: readonly ArticleRecord[], filters: FilterValues): PhraseIndex {
  const files = new Map<string, Uint8Array>();
  const periods: PhraseManifest['periods'] = [];
  const titles = new Map<string, number[]>();
  const counts = new Map<string, Map<string, number>>(LISTED_FILTERS.map((key) => [key, new Map()]));
  // The newest period is written last, with the headline postings of every period beside its own.
  let newest: { name: string; postings: Map<string, number[]> } | undefined;
  let start = 0;
  while (start < records.length) {
    const name = periodOf(records[start] ?? { date: null });
    let end = start;
    const postings = new Map<string, number[]>();
    for (let record = records[end]; record && periodOf(record) === name; record = records[++end]) {
      const grams = new Set<string>();
      // Field by field: a phrase never spans two fields.
      for (const text of printedText(record)) for (const gram of gramsOf(text)) grams.add(gram);
      for (const [key, values] of Object.entries(filters(record))) {
        const count = counts.get(key);
        for (const value of values) {
          grams.add(filterGram(key, value));
          count?.set(value, (count.get(value) ?? 0) + 1);
        }
      }
      post(postings, grams, end - start);
      post(titles, [...gramsOf(record.headline)].map(titleKey), end);
    }
    if (periods.some(([other]) => other === name)) {
      throw new Error(`The records are not in the archive's order: period ${name} comes twice; sort them first.`);
    }
    const count = end - start;
    if (start === 0) {
      newest = { name, postings };
      periods.push([name, start, count, 0]);
    } else {
      periods.push([name, start, count, writeShards(postings, count, (shard) => periodShardPath(name, shard), files)]);
    }
    start = end;
  }
  const first = periods[0];
  if (newest && first) {
    const { name, postings } = newest;
    first[3] = writeShards(postings, first[2], (shard) => periodShardPath(name, shard), files, titles, records.length);
  }
  const lists = Object.fromEntries(
    LISTED_FILTERS.map((key) => {
      const byCount = [...(counts.get(key) ?? [])].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
      const values = byCount.map(([value]) => value);
      files.set(filterListPath(key), new TextEncoder().encode(values.map((value) => `${value}\n`).join('')));
      return [key, values];
    }),
  ) as PhraseIndex['lists'];
  return {
    manifest: { version: PHRASE_VERSION, items: records.length, periods, block: MAP_BLOCK },
    files,
    ids: records.map((record) => record.id),
    lists,
  };
}
