import { readNumber, trimPad } from './chars.ts';
import type { Jump } from './types.ts';

/**
 * A jump line in brackets: `（下转第三版）`, `（转第3版）` (the item continues on that page),
 * `（上接第一版）`, `（紧接第一版）`, `（接第1版）` (it began there).
 */
const JUMP = /[（(](下转|转|上接|紧接|接)第?([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})版[）)]/u;

const WHOLE = new RegExp(`^${JUMP.source}$`, 'u');
const LEADING = new RegExp(`^${JUMP.source}`, 'u');
const TRAILING = new RegExp(`${JUMP.source}$`, 'u');

/** Reads the jump of a regex match; undefined when the page is not a number. */
function toJump(match: RegExpExecArray | null): Jump | undefined {
  if (!match) return undefined;
  const page = readNumber(match[2] ?? '');
  if (page === undefined || page === 0) return undefined;
  const direction = match[1] === '下转' || match[1] === '转' ? 'to' : 'from';
  return { direction, page: String(page), raw: match[0] };
}

/** Reads a line that is a jump line and nothing else. */
export function matchJump(text: string): Jump | undefined {
  return toJump(WHOLE.exec(trimPad(text)));
}

/**
 * Splits a jump printed inside a paragraph's line: `（上接第一版）` opening it, `（下转第三版）`
 * closing it. Returns the jump and the line's other text, or undefined when there is none.
 */
export function splitJump(text: string): { jump: Jump; text: string } | undefined {
  const leading = toJump(LEADING.exec(text));
  if (leading?.direction === 'from') return { jump: leading, text: trimPad(text.slice(leading.raw.length)) };
  const trailing = toJump(TRAILING.exec(text));
  if (trailing?.direction === 'to') return { jump: trailing, text: trimPad(text.slice(0, -trailing.raw.length)) };
  return undefined;
}

/** Whether a line ends the item's text on this page: a `（下转…版）` jump, alone or closing a paragraph. */
export function endsWithJumpTo(text: string): boolean {
  return toJump(TRAILING.exec(trimPad(text)))?.direction === 'to';
}
