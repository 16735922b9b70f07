import { asciiDigits, trimPad } from './chars.ts';
import { parseByline } from './credit.ts';
import type { Credit, Dateline } from './types.ts';

/**
 * A dateline at the start of a line: `新华社北京4月1日电`, `新华社华盛顿1月20日专电`,
 * `新华社北京４月１日新媒体专电`, `据新华社电`. A date must be followed by `电` (so
 * `新华社4月1日推出…` is body text), and an undated form must start with `据`.
 */
const DATELINE =
  /^(?<via>据)?(?<agency>新华社)(?:[ \u3000]*(?<place>[\p{Script=Han}·]{1,12}?)?[ \u3000]*(?:(?<year>[0-9０-９]{4})年)?(?<month>[0-9０-９]{1,2})月(?<day>[0-9０-９]{1,2})日)?(?<kind>新媒体专电|专电|电)/u;

/** A byline in brackets right after the dateline: `（记者王隼 张晔洁）`. */
const BRACKET = /^[ \u3000]*([（(][^（()）]{1,60}[）)])/u;

/** What a line that opens with a dateline holds. */
export interface DatelineMatch {
  /** The dateline, with the position still to be decided by the caller. */
  dateline: Omit<Dateline, 'position'>;
  /** A year printed in the dateline itself (rare), else undefined. */
  year?: number;
  /** The bracketed byline that followed the dateline. */
  byline?: Credit;
  /** The rest of the line: the first paragraph's text, possibly empty. */
  rest: string;
}

/** Reads a dateline at the start of a line; undefined when the line does not open with one. */
export function matchDateline(line: string): DatelineMatch | undefined {
  const match = DATELINE.exec(line);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  const undated = groups.month === undefined;
  // An undated form needs `据`, and must not run on into a word (`据新华社电视台报道`).
  if (undated && (groups.via === undefined || /^\p{Script=Han}/u.test(line.slice(match[0].length)))) return undefined;
  const month = groups.month === undefined ? undefined : Number(asciiDigits(groups.month));
  const day = groups.day === undefined ? undefined : Number(asciiDigits(groups.day));
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  let rest = line.slice(match[0].length);
  const bracket = BRACKET.exec(rest);
  const byline = bracket?.[1] === undefined ? undefined : parseByline(bracket[1]);
  if (bracket && byline) rest = rest.slice(bracket[0].length);
  return {
    dateline: {
      raw: match[0],
      agency: groups.agency ?? '新华社',
      ...(groups.place ? { place: groups.place } : {}),
      ...(month !== undefined && day !== undefined ? { month, day } : {}),
      kind: groups.kind ?? '电',
    },
    ...(groups.year ? { year: Number(asciiDigits(groups.year)) } : {}),
    ...(byline ? { byline } : {}),
    rest: trimPad(rest),
  };
}
