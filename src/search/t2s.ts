/**
 * Traditional → simplified conversion of search queries with OpenCC's data. A bitset of the
 * traditional characters is always at hand; the conversion table is imported (a separate
 * chunk) only when a query holds one of them.
 */
import { T2S_KEYS } from './t2s-keys.ts';
import { BITSET_FIRST, BITSET_LAST } from './t2s-range.ts';

/** The conversion data: characters and phrases, and the longest phrase's length. */
export interface T2STable {
  /** Traditional character → simplified character. */
  chars: Map<string, string>;
  /** Traditional phrase → simplified phrase, where a character-by-character pass would differ. */
  phrases: Map<string, string>;
  /** The longest phrase, in code points. */
  longest: number;
}

let keyBits: Uint8Array | undefined;

/** The decoded bitset of traditional characters. */
function bits(): Uint8Array {
  keyBits ??= Uint8Array.from(atob(T2S_KEYS), (c) => c.charCodeAt(0));
  return keyBits;
}

/** Whether a code point in the bitset's range is a traditional character with another simplified form. */
function isKey(code: number): boolean {
  const offset = code - BITSET_FIRST;
  return ((bits()[offset >> 3] ?? 0) & (1 << (offset & 7))) !== 0;
}

/** True when `text` holds a character that simplifies differently (or a rare ideograph beyond the bitset). */
export function needsSimplification(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= BITSET_FIRST && code <= BITSET_LAST ? isKey(code) : code >= 0x20000) return true;
  }
  return false;
}

/** Builds the lookup table from the generated strings (the keys come from the bitset, in code point order). */
export function buildTable(simple: string, other: string, phraseList: string): T2STable {
  const chars = new Map<string, string>();
  const targets = Array.from(simple);
  let next = 0;
  for (let code = BITSET_FIRST; code <= BITSET_LAST && next < targets.length; code += 1) {
    if (isKey(code)) chars.set(String.fromCodePoint(code), targets[next++] ?? '');
  }
  const pairs = Array.from(other);
  for (let i = 0; i + 1 < pairs.length; i += 2) chars.set(pairs[i] ?? '', pairs[i + 1] ?? '');
  const phrases = new Map<string, string>();
  let longest = 1;
  for (const entry of phraseList ? phraseList.split('|') : []) {
    const [source = '', target = ''] = entry.split(' ');
    phrases.set(source, target);
    longest = Math.max(longest, Array.from(source).length);
  }
  return { chars, phrases, longest };
}

/** Converts `text` with `table`: the longest phrase at each position first, else the character. */
export function convertWith(table: T2STable, text: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length;) {
    let matched = false;
    for (let size = Math.min(table.longest, chars.length - i); size >= 2; size -= 1) {
      const phrase = table.phrases.get(chars.slice(i, i + size).join(''));
      if (phrase !== undefined) {
        out += phrase;
        i += size;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char = chars[i] ?? '';
    out += table.chars.get(char) ?? char;
    i += 1;
  }
  return out;
}

let loading: Promise<T2STable> | undefined;

/** Loads the conversion table (a separate chunk) once. */
export function loadTable(): Promise<T2STable> {
  loading ??= import('./t2s-table.ts').then(({ T2S_SIMPLE, T2S_OTHER, T2S_PHRASES }) =>
    buildTable(T2S_SIMPLE, T2S_OTHER, T2S_PHRASES),
  );
  return loading;
}

/** Converts traditional characters in `text` to simplified ones, loading the table only when needed. */
export async function toSimplified(text: string): Promise<string> {
  if (!needsSimplification(text)) return text;
  return convertWith(await loadTable(), text);
}
