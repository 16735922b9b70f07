import { isTitleLike } from './chars.ts';
import { parseByline, parsePhotoCredit, splitCaptionCredit } from './credit.ts';
import { matchDateline } from './dateline.ts';
import { endsWithJumpTo, matchJump } from './jump.ts';
import type { Block, LineBlock } from './blocks.ts';

/** A line of an item's body; `subhead` marks a `###` heading inside the body. */
export interface BodyLine extends LineBlock {
  /** True when the seed marked the line as a heading (`###` and deeper). */
  subhead?: boolean;
}

/** The blocks of one item, before its lines are read. */
export interface Chunk {
  /** 1-based line where the item starts. */
  line: number;
  /** 引题, from a line set directly above the headline. */
  kicker?: string;
  /** The headline from a `#`/`##` heading; undefined for an item with no heading marker. */
  headline?: string;
  /** 副题, from a `##` directly below the headline. */
  subheadline?: string;
  /** Everything after the headline block. */
  lines: BodyLine[];
}

/** Whether a line is a dateline standing alone (as it closes an article). */
export function isBareDateline(text: string): boolean {
  return matchDateline(text)?.rest === '';
}

/** Whether a line may be printed above a headline as its kicker. */
function isKickerLine(line: LineBlock): boolean {
  return (
    isTitleLike(line.text) &&
    !matchDateline(line.text) &&
    !parseByline(line.text) &&
    !parsePhotoCredit(line.text) &&
    !matchJump(line.text)
  );
}

/**
 * Whether a chunk has ended: its last line is a closing dateline after some body, or a jump line
 * (`（下转第三版）`, alone or closing a paragraph): the item goes on on another page.
 */
function isClosed(chunk: Chunk): boolean {
  const last = chunk.lines.at(-1);
  if (last === undefined || last.subhead) return false;
  return (chunk.lines.length > 1 && isBareDateline(last.text)) || endsWithJumpTo(last.text);
}

/** Whether a line credits a photo: a credit line, or a caption line ending with its credit. */
function isPhotoCredit(line: BodyLine): boolean {
  return !line.subhead && (parsePhotoCredit(line.text) !== undefined || splitCaptionCredit(line.text) !== undefined);
}

/**
 * Where a photo block of its own starts in a chunk that a photo credit is about to join: a photo
 * printed after an article with no closing dateline is a title line, its caption and its credit,
 * printed as one block (no blank line between them). A block whose first line is a title (short,
 * no sentence punctuation) after other text of the chunk is a photo item; a caption alone under an
 * article's text is that article's photo. Returns the index of the title line, or -1.
 */
function photoBlockStart(chunk: Chunk): number {
  let start = chunk.lines.length - 1;
  while (start > 0 && chunk.lines[start]?.after !== 'blank') start -= 1;
  const first = chunk.lines[start];
  const isTitle = first !== undefined && !first.subhead && isKickerLine(first);
  return start > 0 && chunk.lines.length - start >= 2 && isTitle ? start : -1;
}

/** Lines an archivist prints after the closing dateline that still belong to the article. */
function belongsAfterClose(line: LineBlock): boolean {
  return parseByline(line.text) !== undefined || parsePhotoCredit(line.text) !== undefined;
}

/**
 * Splits a seed's blocks into items. `#` and `##` start items. Heading levels and their order
 * decide the headline block, whatever blank lines stand between its lines: a heading followed by
 * a heading of a higher level (`##` then `#`, `###` then `##`) is the kicker of that headline; a
 * `##` below a `#` (or a `##` starting with `——` below a `##`) is its subheadline. A short line
 * printed directly above a headline is its kicker too. Text after an article's closing dateline
 * or its jump line with no heading marker (a photo, say) starts an item of its own, and so does a
 * photo block (title, caption, credit) printed after an article's text.
 */
export function segment(blocks: readonly Block[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let pendingKicker: { text: string; line: number } | undefined;
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1];
    const next = blocks[index + 1];
    if (block.type === 'heading' && block.text !== '' && next?.type === 'heading' && next.depth < block.depth) {
      if (next.depth <= 2) {
        pendingKicker = { text: block.text, line: block.line };
        return;
      }
    }
    if (block.type === 'heading' && block.depth <= 2) {
      const belowHeadline =
        current?.headline !== undefined &&
        current.subheadline === undefined &&
        current.lines.length === 0 &&
        previous?.type === 'heading' &&
        previous.depth <= 2 &&
        block.depth === 2 &&
        (previous.depth === 1 || block.text.startsWith('——'));
      if (current && belowHeadline) {
        if (block.text !== '') current.subheadline = block.text;
        return;
      }
      let kicker = pendingKicker;
      pendingKicker = undefined;
      const last = current?.lines.at(-1);
      if (kicker === undefined && current && last?.line === block.line - 1 && !last.subhead && isKickerLine(last)) {
        current.lines.pop();
        kicker = { text: last.text, line: last.line };
        if (current.lines.length === 0 && current.headline === undefined) chunks.pop();
      }
      current = {
        line: kicker?.line ?? block.line,
        headline: block.text,
        lines: [],
        ...(kicker === undefined ? {} : { kicker: kicker.text }),
      };
      chunks.push(current);
      return;
    }
    if (block.type === 'heading' && block.text === '') return;
    const line: BodyLine =
      block.type === 'heading'
        ? { type: 'line', text: block.text, line: block.line, after: 'blank', subhead: true }
        : block;
    if (!current || (isClosed(current) && !belongsAfterClose(line))) {
      current = { line: line.line, lines: [] };
      chunks.push(current);
    } else if (line.after !== 'blank' && isPhotoCredit(line)) {
      const start = photoBlockStart(current);
      if (start > 0) {
        const photo = current.lines.splice(start);
        current = { line: photo[0]?.line ?? line.line, lines: photo };
        chunks.push(current);
      }
    }
    current.lines.push(line);
  });
  return chunks;
}
