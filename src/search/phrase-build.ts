/**
 * Builds the phrase index from the archive's records (not from its HTML): the bigram postings
 * of each period's items, the postings of the headlines, and the filter values, written as
 * shard files (see `phrase-codec.ts`). No Astro import: the endpoint that writes the files, the
 * search page that names them and the tests share it.
 */
import { createHash } from 'node:crypto';
import { printedText } from '../lib/conservation.ts';
import type { ArticleRecord } from '../lib/types.ts';
import { monthOf, placesOf, reportersOf } from '../site/archive.ts';
import { bundlePlan, type BundlePlan } from '../site/search-bundles.ts';
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

/**
 * What a closed period (every period but the newest) adds to the index: it depends on its own items
 * alone, and the second period's also on the headlines of every older item.
 */
export interface PeriodPart {
  /** Its shard count. */
  shards: number;
  /** Its shard files: path inside the index folder, bytes. */
  files: [path: string, bytes: Uint8Array][];
  /** How many of its items carry each value of each listed filter. */
  counts: [key: string, values: [value: string, count: number][]][];
}

/**
 * Closed periods' parts kept from an earlier build, by the digest of the period's input (see
 * `periodDigest`): the digest covers the items, not the code, so a store must hold parts of
 * this code only.
 */
export interface KeptPeriods {
  /** The part kept under `digest`, if any. */
  get(digest: string): PeriodPart | undefined;
  /** Keeps `part` under `digest`. */
  set(digest: string, part: PeriodPart): void;
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

/** The listed filters, as a set to test keys against. */
const LISTED = new Set<string>(LISTED_FILTERS);

/** Counts per filter key and value. */
type Counts = Map<string, Map<string, number>>;

/** Adds `n` to the count of `value` under `key`. */
function tally(counts: Counts, key: string, value: string, n: number): void {
  const values = counts.get(key) ?? new Map<string, number>();
  counts.set(key, values.set(value, (values.get(value) ?? 0) + n));
}

/**
 * The postings of a period's items (numbered from 0 in the period) under their grams and filter
 * keys; each listed filter value an item carries is counted in `counts`.
 */
function periodPostings(items: readonly ArticleRecord[], filters: FilterValues, counts: Counts): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  items.forEach((record, item) => {
    const grams = new Set<string>();
    // Field by field: a phrase never spans two fields.
    for (const text of printedText(record)) for (const gram of gramsOf(text)) grams.add(gram);
    for (const [key, values] of Object.entries(filters(record))) {
      for (const value of values) {
        grams.add(filterGram(key, value));
        if (LISTED.has(key)) tally(counts, key, value, 1);
      }
    }
    post(postings, grams, item);
  });
  return postings;
}

/**
 * A closed period's part: from `kept` when it holds it, else made (and kept). `headlines`, for
 * the second period only, are the items whose headline postings its shards carry (its own and
 * every older one, numbered from its first item).
 */
function closedPart(
  name: string,
  items: readonly ArticleRecord[],
  filters: FilterValues,
  kept: KeptPeriods | undefined,
  headlines?: readonly ArticleRecord[],
): PeriodPart {
  const digest = kept ? periodDigest(name, items, filters, headlines) : '';
  const found = kept?.get(digest);
  if (found) return found;
  const counts: Counts = new Map();
  const postings = periodPostings(items, filters, counts);
  const files = new Map<string, Uint8Array>();
  const path = (shard: number) => periodShardPath(name, shard);
  const shards = headlines
    ? writeShards(postings, items.length, path, files, headlinePostings(headlines), headlines.length)
    : writeShards(postings, items.length, path, files);
  const part: PeriodPart = {
    shards,
    files: [...files],
    counts: [...counts].map(([key, values]) => [key, [...values]]),
  };
  kept?.set(digest, part);
  return part;
}

/**
 * The digest of what a period's part is made of: the format version, the period's name and, item
 * by item, its printed text field by field and its filter values; then the headlines whose
 * postings it carries, if any, in item order.
 */
function periodDigest(
  name: string,
  records: readonly ArticleRecord[],
  filters: FilterValues,
  headlines: readonly ArticleRecord[] = [],
): string {
  const hash = createHash('sha256').update(`${PHRASE_VERSION}\0${name}\0${records.length}\0`);
  for (const record of records) {
    for (const text of printedText(record)) hash.update(text).update('\0');
    hash.update(JSON.stringify(filters(record))).update('\n');
  }
  hash.update(`\0headlines\0${headlines.length}\0`);
  for (const record of headlines) hash.update(record.headline).update('\n');
  return hash.digest('hex');
}

/** Adds `item` to the postings of each of `keys`. */
function post(postings: Map<string, number[]>, keys: Iterable<string>, item: number): void {
  for (const key of keys) {
    const list = postings.get(key);
    if (list) list.push(item);
    else postings.set(key, [item]);
  }
}

/** A run of items of one period: its name and the run's first and past-last item numbers. */
interface PeriodRun {
  /** The period's name: a search bundle's (`2026-11`, `2026-q3`, `2025`, `undated`; see src/site/search-bundles.ts). */
  name: string;
  /** The number of its first item. */
  start: number;
  /** The number after its last item. */
  end: number;
}

/** The runs of items by period, in item order; throws when a period comes twice (records not sorted). */
function periodRuns(records: readonly ArticleRecord[], periodOf: BundlePlan['bundleOf']): PeriodRun[] {
  const runs: PeriodRun[] = [];
  const period = (record: ArticleRecord | undefined) => periodOf(record?.date ?? null);
  let start = 0;
  while (start < records.length) {
    const name = period(records[start]);
    let end = start;
    while (end < records.length && period(records[end]) === name) end += 1;
    if (runs.some((run) => run.name === name)) {
      throw new Error(`The records are not in the archive's order: period ${name} comes twice; sort them first.`);
    }
    runs.push({ name, start, end });
    start = end;
  }
  return runs;
}

/** The headline postings of `items` (numbered from 0), under `titleKey` of each gram. */
function headlinePostings(items: readonly ArticleRecord[]): Map<string, number[]> {
  const titles = new Map<string, number[]>();
  items.forEach((record, item) => {
    post(titles, [...gramsOf(record.headline)].map(titleKey), item);
  });
  return titles;
}

/**
 * Builds the index of `records`, which must be in the archive's order (newest first, as
 * `sortRecords` gives them): that order numbers the items, and each period is a run of them.
 *
 * The headline postings are split in two so that a new day changes the newest period's files
 * alone: the newest period's shards carry its own items' headlines, and the second period's
 * shards those of every older item (numbered from the second period's first item), so that the
 * two files a query's first round fetches per gram hold every headline posting. A closed period
 * whose part `kept` holds (under the digest of its items, and for the second period of every
 * older headline) is taken from there; the parts made are added to it.
 *
 * The periods are the search bundles' (`bundlePlan`): the open month, the open part's closed
 * months and quarters, then the earlier parts of the year and closed years (or their parts), and
 * `undated`. So a month's first day makes again the new month's part, the month that closed (now
 * the second period, which carries the older headlines) and the period that was second before
 * it, which no longer does: the month before (most months), the quarter before (on the second
 * month of a quarter) or the year before (in February), and nothing else. Older periods are
 * merged on a quarter's and a part's first day, as the bundles are.
 */
export function buildPhraseIndex(
  records: readonly ArticleRecord[],
  filters: FilterValues,
  kept?: KeptPeriods,
): PhraseIndex {
  const files = new Map<string, Uint8Array>();
  const periods: PhraseManifest['periods'] = [];
  const counts: Counts = new Map();
  const runs = periodRuns(records, bundlePlan(records.map(({ date }) => date)).bundleOf);
  runs.forEach(({ name, start, end }, position) => {
    const items = records.slice(start, end);
    if (position === 0) {
      const postings = periodPostings(items, filters, counts);
      const path = (shard: number) => periodShardPath(name, shard);
      periods.push([
        name,
        start,
        items.length,
        writeShards(postings, items.length, path, files, headlinePostings(items), items.length),
      ]);
      return;
    }
    const older = position === 1 ? records.slice(start) : undefined;
    const part = closedPart(name, items, filters, kept, older);
    for (const [path, bytes] of part.files) files.set(path, bytes);
    for (const [key, values] of part.counts) for (const [value, n] of values) tally(counts, key, value, n);
    periods.push([name, start, items.length, part.shards]);
  });
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
