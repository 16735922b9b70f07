/**
 * Query and text normalisation shared by the search page and its tests: full-width forms to
 * half-width, compatibility ideographs to unified ones, Latin to lower case, and (through
 * `t2s.ts`) traditional characters to simplified ones.
 */
import { toSimplified } from './t2s.ts';

/**
 * True for a character that folding leaves as it is, known by its code alone: the CJK unified
 * ideographs (main block and extension A) and ASCII other than capitals. Most of a paper's text,
 * so NFKC runs on the rest only (the tests check every one of them against `foldChar`'s rule).
 */
export function foldsToItself(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code < 0x80 && (code < 0x41 || code > 0x5a))
  );
}

/** One character folded for matching: NFKC (full-width → half-width, compatibility ideographs → unified), lower-cased; kept when folding would change its length. */
export function foldChar(char: string): string {
  if (foldsToItself(char.charCodeAt(0))) return char;
  const folded = char.normalize('NFKC').toLowerCase();
  return folded.length === char.length ? folded : char;
}

/** Folds text for matching without changing its length, so offsets in the result are offsets in `text`. */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

/** Trims, folds (see `foldText`) and collapses runs of whitespace to one space. */
export function tidyQuery(raw: string): string {
  return foldText(raw).replace(/\s+/gu, ' ').trim();
}

/** The query as searched: tidied and converted to simplified characters when it holds traditional ones. */
export async function normalizeQuery(raw: string): Promise<string> {
  return toSimplified(tidyQuery(raw));
}

/** The space-separated terms of a normalised query, without duplicates. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.split(' ').filter(Boolean))];
}

/** Matches a run of Han characters. */
const HAN = /^\p{Script=Han}+$/u;

/** True when `term` is made of Han characters only. */
export function isHan(term: string): boolean {
  return HAN.test(term);
}

/**
 * Extra terms to search so that items Pagefind's word segmentation would miss are still found:
 * for a Han term of two or more characters, each of its suffixes and each of its characters.
 * Pagefind matches words by prefix, so an item holding the term is reached through a word that
 * starts inside it.
 */
export function widenTerm(term: string): string[] {
  if (!isHan(term)) return [];
  const chars = Array.from(term);
  if (chars.length < 2) return [];
  const suffixes = chars.slice(1).map((_, i) => chars.slice(i + 1).join(''));
  return [...new Set([...suffixes.filter((s) => s.length > 1), ...chars])];
}
