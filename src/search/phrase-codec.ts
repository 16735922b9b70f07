/**
 * The phrase index's file format, shared by the build (`phrase-build.ts`) and the browser
 * (`phrase-index.ts`). An item's text is cut into character bigrams over runs of letters and
 * digits (after `foldText`); every item holding a phrase holds each of the phrase's bigrams, so
 * the intersection of their postings is a superset of the items holding it, which the items'
 * own text then confirms.
 *
 * Postings are item numbers (items numbered newest first, so a period is a run of numbers),
 * stored per period relative to the period's first item. A shard file holds the postings of
 * every gram hashed to it: `[gram length u8][gram UTF-8][kind u8][payload length varint][payload]`
 * repeated; kind 0 is a list of varint gaps, kind 1 a bitmap over the period, whichever is
 * smaller. The headline postings (`titleKey`) are beside the gram's own in two periods' shards:
 * the newest period's hold its own items' headlines, the second period's those of every item
 * from its first on (numbered from its first item), so that a new day leaves the older
 * periods' files as they were.
 */
import { foldChar, foldText } from './normalize.ts';

/** The phrase index as the search page is told about it (a data attribute of the form). */
export interface PhraseManifest {
  /** Format version: a page and files of different versions are never used together. */
  version: number;
  /** Items in the archive. */
  items: number;
  /** Periods, newest first: name, first item, item count, shard count. */
  periods: [name: string, start: number, count: number, shards: number][];
  /** Items per block of the item → fragment map. */
  block: number;
}

/** The format version written by this code. */
export const PHRASE_VERSION = 3;

/** The folder of the phrase index in the built site. */
export const PHRASE_DIR = 'search-index';

/** The folder of the item → fragment map inside the index folder, written after Pagefind has indexed the pages. */
export const MAP_DIR = 'm';

/** The list of item ids in item order inside the index folder, which the map blocks replace. */
export const ITEMS_FILE = `${MAP_DIR}/items.txt`;

/** The folder of the periods' shards inside the index folder, a folder a period, written from the periods' packs. */
export const PERIODS_DIR = 'p';

/** The folder of the periods' packs inside the index folder; the map blocks replace them too. */
export const PACKS_DIR = `${MAP_DIR}/packs`;

/** Postings kinds in a shard file. */
const LIST = 0;
const BITMAP = 1;

/** Letters and digits: the characters grams are made of. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** One letter or digit. */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** True when a (folded) character is a letter or a digit; CJK ideographs and ASCII known by their code. */
function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  return WORD_CHAR.test(char);
}

/**
 * The bigrams of `text` (folded), over runs of letters and digits, without duplicates. One pass
 * over the characters (the build runs it over every item's text).
 */
export function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  let previous = '';
  for (const char of text) {
    // A folded character is usually one code point, but may be two (e.g. U+1F101 → "0,").
    for (const folded of foldChar(char)) {
      if (!isWordChar(folded)) previous = '';
      else {
        if (previous) grams.add(previous + folded);
        previous = folded;
      }
    }
  }
  return grams;
}

/** The grams a query term needs, or null when a part of it is too short to have any (one character). */
export function termGrams(term: string): string[] | null {
  const runs = [...foldText(term).matchAll(WORD_RUN)].map(([run]) => run);
  if (runs.length === 0 || runs.some((run) => Array.from(run).length < 2)) return null;
  return [...gramsOf(term)];
}

/** The key under which a filter value is indexed, beside the grams (never a bigram of text). */
export function filterGram(key: string, value: string): string {
  return `\u0000${key}\u0000${value}`;
}

/** FNV-1a over a string's UTF-16 code units: which shard of `shards` (a power of two) holds a gram. */
export function shardOf(gram: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i += 1) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (shards - 1);
}

/** Path of a period's shard inside the index folder. */
export function periodShardPath(period: string, shard: number): string {
  return `${PERIODS_DIR}/${period}/${shard}.bin`;
}

/** Path of the pack of a period's shards inside the index folder (see `file-pack.ts`). */
export function periodPackPath(period: string): string {
  return `${PACKS_DIR}/${period}.pack`;
}

/**
 * The key of a gram's headline postings. They are written in the shard file of the newest and of
 * the second period that holds the gram's own postings (the shard is chosen by the gram, not by
 * this key), so a query's first round of fetches brings both.
 */
export function titleKey(gram: string): string {
  return `\u0001${gram}`;
}

/** The gram a key's shard is chosen by: the gram itself for a headline key, else the key. */
export function shardKey(key: string): string {
  return key.startsWith('\u0001') ? key.slice(1) : key;
}

/** Path of the list of a filter's values (one a line, the most frequent first) inside the index folder. */
export function filterListPath(key: string): string {
  return `f/${key}.txt`;
}

/** Path of a block of the item → fragment map inside the index folder. */
export function mapBlockPath(block: number): string {
  return `${MAP_DIR}/${block}.txt`;
}

/** Appends `value` as an unsigned LEB128 varint. */
function pushVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Encodes sorted local item numbers (0 ≤ n < `count`) as the smaller of a gap list and a bitmap. */
export function encodePostings(items: readonly number[], count: number): { kind: number; bytes: Uint8Array } {
  const list: number[] = [];
  let last = -1;
  for (const item of items) {
    pushVarint(list, item - last - 1);
    last = item;
  }
  const bitmapSize = Math.ceil(count / 8);
  if (list.length <= bitmapSize) return { kind: LIST, bytes: Uint8Array.from(list) };
  const bitmap = new Uint8Array(bitmapSize);
  for (const item of items) bitmap[item >> 3] = (bitmap[item >> 3] ?? 0) | (1 << (item & 7));
  return { kind: BITMAP, bytes: bitmap };
}

/** Writes a shard file from its grams' encoded postings. */
export function encodeShard(
  entries: Iterable<readonly [gram: string, postings: { kind: number; bytes: Uint8Array }]>,
): Uint8Array {
  const encoder = new TextEncoder();
  const out: number[] = [];
  for (const [gram, { kind, bytes }] of entries) {
    const name = encoder.encode(gram);
    out.push(name.length, ...name, kind);
    pushVarint(out, bytes.length);
    for (const byte of bytes) out.push(byte);
  }
  return Uint8Array.from(out);
}

/** Reads a varint at `at`; returns the value and the offset after it. */
function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let scale = 1;
  let i = at;
  for (;;) {
    const byte = bytes[i++] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, i];
    scale *= 0x80;
  }
}

/** Decodes the postings of `gram` from a shard file, as local item numbers in order (empty when absent). */
export function decodeShard(bytes: Uint8Array, gram: string): number[] {
  const decoder = new TextDecoder();
  let at = 0;
  while (at < bytes.length) {
    const nameLength = bytes[at] ?? 0;
    const name = decoder.decode(bytes.subarray(at + 1, at + 1 + nameLength));
    const kind = bytes[at + 1 + nameLength] ?? 0;
    const [length, start] = readVarint(bytes, at + 2 + nameLength);
    at = start + length;
    if (name !== gram) continue;
    const payload = bytes.subarray(start, at);
    const items: number[] = [];
    if (kind === BITMAP) {
      payload.forEach((byte, i) => {
        for (let bit = 0; bit < 8; bit += 1) if (byte & (1 << bit)) items.push(i * 8 + bit);
      });
    } else {
      let last = -1;
      for (let i = 0; i < payload.length;) {
        const [gap, next] = readVarint(payload, i);
        last += gap + 1;
        items.push(last);
        i = next;
      }
    }
    return items;
  }
  return [];
}

/** The items in every one of `lists` (each sorted ascending), ascending. */
export function intersect(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  const [first = [], ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((list) => new Set(list));
  return first.filter((item) => sets.every((set) => set.has(item)));
}
