import { isTitleLike } from './chars.ts';
import { parseByline, parsePhotoCredit } from './credit.ts';
import { matchDateline } from './dateline.ts';
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
  return isTitleLike(line.text) && !matchDateline(line.text) && !parseByline(line.text) && !parsePhotoCredit(line.text);
}

/** Whether a chunk has ended: its last line is a closing dateline after some body. */
function isClosed(chunk: Chunk): boolean {
  const last = chunk.lines.at(-1);
  return last !== undefined && chunk.lines.length > 1 && isBareDateline(last.text);
}

/** Lines an archivist prints after the closing dateline that still belong to the article. */
function belongsAfterClose(line: LineBlock): boolean {
  return parseByline(line.text) !== undefined || parsePhotoCredit(line.text) !== undefined;
}

/**
 * Splits a seed's blocks into items. `#` and `##` start items; a `##` directly below a `#` (or
 * a `##` starting with `——` below a `##`) is the subheadline; a `###` or a short line set directly
 * above a headline is its kicker. Text after an article's closing dateline with no heading
 * marker (a photo, say) starts an item of its own.
 */
export function segment(blocks: readonly Block[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let pendingKicker: { text: string; line: number } | undefined;
  blocks.forEach((block, index) => {
    const previous = blocks[index - 1];
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
    if (block.type === 'heading') {
      if (block.text === '') return;
      const next = blocks[index + 1];
      if (next?.type === 'heading' && next.depth <= 2 && next.line === block.line + 1) {
        pendingKicker = { text: block.text, line: block.line };
        return;
      }
    }
    const line: BodyLine =
      block.type === 'heading'
        ? { type: 'line', text: block.text, line: block.line, after: 'blank', subhead: true }
        : block;
    if (!current || (isClosed(current) && !belongsAfterClose(line))) {
      current = { line: line.line, lines: [] };
      chunks.push(current);
    }
    current.lines.push(line);
  });
  return chunks;
}
