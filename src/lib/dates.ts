import { asciiDigits, readNumber } from './chars.ts';

/** Formats a year, month and day as ISO yyyy-mm-dd, or null when no such day exists. */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date in a seed's file name: `2026-04-01`, `2026_04_01`, `2026.04.01` or `20260401`, not
 * part of a longer run of letters or digits (so hex digests never pass for dates).
 */
export function dateFromFileName(fileName: string): string | null {
  const match = /(?<![0-9A-Za-z])((?:19|20)\d{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])/u.exec(
    fileName,
  );
  return match ? isoDate(Number(match[1]), Number(match[3]), Number(match[4])) : null;
}

/**
 * The printed page in a seed's file name `yyyymmdd-NN.txt`: `3` for `20260420-03.txt` (a prefix
 * such as `xinhua-` may come first). Only the compact date form carries a page; in
 * `2026-04-20-03.txt` the last number may as well count files, so it gives none.
 */
export function pageFromFileName(fileName: string): string | undefined {
  const match = /(?<![0-9A-Za-z])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-(\d{1,3})(?:\.[^.]*)?$/u.exec(
    fileName.split(/[\\/]/u).at(-1) ?? fileName,
  );
  const page = Number(match?.[1] ?? 0);
  return page > 0 ? String(page) : undefined;
}

/** Unit words after a number that make it a quantity (`2000多亿元`), not a year. */
const QUANTITY = /^[多余亿万千百十元个人件吨米家项台辆座所名位次条款种批只头株份户套幅期倍]/u;

/**
 * The year a page was printed, inferred from its text: the latest year it mentions, as
 * `2026年`, `2026中关村论坛年会` or `二〇二六年`. Targets (`到2035年`, `2030年前`) and
 * quantities (`2000多亿元`) are not mentions. Returns undefined when the text names no year.
 */
export function yearFromText(text: string): number | undefined {
  let latest: number | undefined;
  const consider = (year: number | undefined): void => {
    if (year !== undefined && year >= 1900 && year <= 2099 && (latest === undefined || year > latest)) latest = year;
  };
  const ascii = asciiDigits(text);
  for (const match of ascii.matchAll(/(?<![\d.])((?:19|20)\d{2})(?![\d.])/gu)) {
    const before = ascii.slice(Math.max(0, match.index - 1), match.index);
    const after = ascii.slice(match.index + 4, match.index + 7);
    if (before === '到' || /^年(?:前|远景)/u.test(after) || QUANTITY.test(after)) continue;
    if (/^(?:年|\p{Script=Han}|\s*[—-]|》)/u.test(after)) consider(Number(match[1]));
  }
  for (const match of text.matchAll(/([〇零一二三四五六七八九]{4})年/gu)) consider(readNumber(match[1] ?? ''));
  return latest;
}

/** A month and day printed in the text (`4月1日`, `四月一日`), for items without a dateline. */
export function monthDayFromText(text: string): { month: number; day: number } | undefined {
  const match = /([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日/u.exec(
    text,
  );
  if (!match) return undefined;
  const month = readNumber(match[1] ?? '');
  const day = readNumber(match[2] ?? '');
  if (month === undefined || day === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { month, day };
}

/**
 * The year of a dateline given the issue's date: the issue's year, or the year before when
 * a December story runs in a January issue.
 */
export function yearForDateline(month: number, issueDate: string): number {
  const issueYear = Number(issueDate.slice(0, 4));
  const issueMonth = Number(issueDate.slice(5, 7));
  return month - issueMonth > 6 ? issueYear - 1 : issueYear;
}
