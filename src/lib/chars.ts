/** Character classes of printed Chinese text, shared by the rules that read lines. */

/** One Han character (Unicode script Han, which includes `〇`). */
export const HAN = /\p{Script=Han}/u;

/** Every Han character, for counting. */
const HAN_GLOBAL = /\p{Script=Han}/gu;

/** Punctuation that marks a sentence or clause: a line holding any is not a title. */
export const SENTENCE_PUNCTUATION = /[。！？；，：!?;,:]|……/u;

/** A paragraph end that can only be mid-sentence: Han, a digit, a letter, or a comma-like mark. */
const OPEN_END = /[\p{Script=Han}0-9０-９A-Za-z%，、（(“‘《〈【]$/u;

/**
 * A paragraph start that can continue a sentence: Han, digits, letters, closing marks, or opening
 * marks (“ ‘ 《 （ 【 …) — a column may break just before a quotation or a title.
 */
const CONTINUATION = /^[\p{Script=Han}0-9０-９A-Za-z%，。、；：？！）)”’》〉】」』“‘《〈（(【「『]/u;

/** Separators between names in a credit: spaces, ideographic space, `、`, `，`, `,`. */
export const NAME_SEPARATOR = /[\s\u3000\u00a0、，,]+/u;

/** Removes leading and trailing padding (including U+3000 and NBSP, which `trim` counts as white space). */
export function trimPad(text: string): string {
  return text.trim();
}

/** The Han characters of a string, in order. */
export function hanCharacters(text: string): string[] {
  return text.match(HAN_GLOBAL) ?? [];
}

/**
 * Whether a paragraph and the next one are one paragraph cut by a column break: the first has
 * Han text and ends mid-sentence, the second starts as a continuation.
 */
export function continuesAcrossBreak(before: string, after: string): boolean {
  return OPEN_END.test(before) && CONTINUATION.test(after) && HAN.test(before);
}

/** Number of characters (code points), so that astral Han characters count once. */
export function length(text: string): number {
  return text.length - (text.match(/[\ud800-\udbff]/gu)?.length ?? 0);
}

/** Whether a line reads like a title: short, opening with Han, a quote, bracket or digit, with no sentence punctuation. */
export function isTitleLike(text: string, maxLength = 32): boolean {
  const size = length(text);
  return (
    size >= 2 &&
    size <= maxLength &&
    !SENTENCE_PUNCTUATION.test(text) &&
    /^[\p{Script=Han}“‘《（(0-9０-９]/u.test(text) &&
    hanCharacters(text).length >= 2
  );
}

/** Converts full-width digits to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Reads a number written in Arabic, full-width or Chinese numerals: `4`, `４`, `四`, `十一`,
 * `二十一`, `二〇二六` (digit by digit). Returns undefined for anything else.
 */
export function readNumber(text: string): number | undefined {
  const ascii = asciiDigits(text);
  if (/^\d+$/u.test(ascii)) return Number(ascii);
  if (/^[〇零一二三四五六七八九]{2,}$/u.test(text)) {
    return Number(Array.from(text, (char) => CHINESE_DIGITS[char]).join(''));
  }
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text === '') return undefined;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && !ones ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? (CHINESE_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CHINESE_DIGITS[ones] ?? 0) : 0);
}
