import { continuesAcrossBreak, isTitleLike, length } from './chars.ts';
import { splitColumnLabel } from './column.ts';
import { parseByline, parsePhotoCredit, splitCaptionCredit } from './credit.ts';
import { matchDateline, type DatelineMatch } from './dateline.ts';
import type { DiagnosticSink } from './diagnostics.ts';
import { matchJump, splitJump } from './jump.ts';
import { isBareDateline, type BodyLine, type Chunk } from './segment.ts';
import type { Credit, Dateline, Jump, Photo, Section } from './types.ts';

/** An item's printed parts, read from its chunk; dates and ids come later. */
export interface ItemParts {
  /** 1-based line where the item starts. */
  line: number;
  /** `photo` when the item holds captions and credits only. */
  kind: 'article' | 'photo';
  /** 栏目, from a label before the headline or kicker. */
  column?: string;
  /** 引题. */
  kicker?: string;
  /** 主题 (empty when none was printed). */
  headline: string;
  /** 副题. */
  subheadline?: string;
  /** The byline. */
  byline?: Credit;
  /** The first dateline. */
  dateline?: Dateline;
  /** A roundup's later datelines. */
  datelines?: Dateline[];
  /** Jump lines. */
  jumps?: Jump[];
  /** A year printed in the dateline itself. */
  datelineYear?: number;
  /** The body, split at subheads. */
  sections: Section[];
  /** Photos with captions and credits. */
  photos: Photo[];
}

/** A paragraph being built, with the lines it came from. */
interface Paragraph {
  text: string;
  firstLine: number;
  lastLine: number;
  /** How its first line followed the line before it. */
  after: BodyLine['after'];
}

/** A section being built. */
interface DraftSection {
  heading?: string;
  paragraphs: Paragraph[];
}

/** What has been read of an item so far: the handlers below add to it, line by line. */
interface ItemState {
  readonly sink: DiagnosticSink;
  /** The item's body lines. */
  readonly lines: readonly BodyLine[];
  /** Index of the line being read. */
  index: number;
  byline?: Credit;
  dateline?: Dateline;
  datelineYear?: number;
  readonly datelines: Dateline[];
  readonly jumps: Jump[];
  readonly sections: DraftSection[];
  /** The section paragraphs go to. */
  section: DraftSection;
  readonly photos: Photo[];
  /** Paragraphs of body text in the item (captions taken back out). */
  count: number;
  /** The paragraph a following line may continue (unset by anything printed in between). */
  open: Paragraph | undefined;
}

/** What a body line is, with what was read from it: the key of the handler that takes it. */
type Token =
  | { kind: 'jump'; jump: Jump }
  | { kind: 'photoCredit'; credit: Credit }
  | { kind: 'captionedPhoto'; photo: { caption: string; credit: Credit } }
  | { kind: 'dateline'; dated: DatelineMatch }
  | { kind: 'laterDateline'; dated: DatelineMatch }
  | { kind: 'byline'; credit: Credit }
  | { kind: 'unplacedCredit' }
  | { kind: 'subhead' }
  | { kind: 'paragraph' };

/** Whether a line reads as body text that may follow a subhead (not a title, credit or dateline). */
function isBodyText(text: string): boolean {
  return !isTitleLike(text) && !isBareDateline(text) && parsePhotoCredit(text) === undefined;
}

/** Whether every line after the current one closes the item (a bare dateline or a photo credit). */
function onlyClosingLinesFollow(state: ItemState): boolean {
  return state.lines
    .slice(state.index + 1)
    .every((next) => isBareDateline(next.text) || parsePhotoCredit(next.text) !== undefined);
}

/** Decides what a line is. The order of the tests is the order of precedence. */
function classify(line: BodyLine, state: ItemState): Token {
  if (line.subhead) return { kind: 'subhead' };
  const { text } = line;
  const jump = matchJump(text);
  if (jump) return { kind: 'jump', jump };
  const credit = parsePhotoCredit(text);
  if (credit) return { kind: 'photoCredit', credit };
  const captioned = splitCaptionCredit(text);
  if (captioned && captioned.caption !== '') return { kind: 'captionedPhoto', photo: captioned };
  const dated = matchDateline(text);
  if (dated && !state.dateline && (state.count === 0 || dated.rest === '')) return { kind: 'dateline', dated };
  // A roundup (综述) files paragraphs from other places: `新华社东京4月19日电（记者 …）…`.
  if (dated && state.count > 0 && dated.rest !== '' && dated.dateline.month !== undefined) {
    return { kind: 'laterDateline', dated };
  }
  const byline = state.byline ? undefined : parseByline(text);
  if (byline && (state.count === 0 || /^[（(]/u.test(text) || onlyClosingLinesFollow(state))) {
    return { kind: 'byline', credit: byline };
  }
  if (dated || byline || parseByline(text)) return { kind: 'unplacedCredit' };
  const next = state.lines[state.index + 1];
  if (next !== undefined && isTitleLike(text) && isBodyText(next.text)) return { kind: 'subhead' };
  return { kind: 'paragraph' };
}

/** Adds a paragraph, or joins it to the open one when a column break cut them apart (with a warning). */
function addParagraph(state: ItemState, text: string, line: BodyLine): void {
  const { open } = state;
  if (open && continuesAcrossBreak(open.text, text)) {
    if (line.after === 'blank') state.sink.report(open.lastLine, 'paragraph/column-break', open.lastLine, line.line);
    open.text += text;
    open.lastLine = line.line;
    return;
  }
  state.open = { text, firstLine: line.line, lastLine: line.line, after: line.after };
  state.section.paragraphs.push(state.open);
  state.count += 1;
}

/**
 * The caption rule: which paragraphs already read are the caption of a photo credit.
 *
 * - A credit printed in the same block as the lines above it (no blank line between) captions
 *   that block. In an item that is only a photo (no byline, no dateline, no other text) the
 *   whole block is the caption (`title` / `caption` / `新华社发（… 摄）`); in an article only the
 *   last line is, since an article's text never runs into its photo's caption.
 * - A credit after a blank line captions everything read so far in a photo-only item, and
 *   nothing in an article (the photo's caption was not printed).
 */
function captionLength(state: ItemState, line: BodyLine): number {
  const { paragraphs } = state.section;
  const photoOnly = !state.byline && !state.dateline;
  if (line.after === 'blank') return photoOnly && state.count === paragraphs.length ? paragraphs.length : 0;
  let block = 0;
  for (let i = paragraphs.length - 1; i >= 0; i -= 1) {
    block += 1;
    if (paragraphs[i]?.after === 'blank') break;
  }
  return block === state.count && photoOnly ? block : Math.min(1, paragraphs.length);
}

/** A handler per kind of line, as mdast-util-from-markdown has one per token type. */
const handlers: {
  [K in Token['kind']]: (state: ItemState, line: BodyLine, token: Extract<Token, { kind: K }>) => void;
} = {
  jump(state, _line, { jump }) {
    state.jumps.push(jump);
    state.open = undefined;
  },
  photoCredit(state, line, { credit }) {
    const take = captionLength(state, line);
    const caption = state.section.paragraphs.splice(state.section.paragraphs.length - take, take);
    state.count -= caption.length;
    state.photos.push({ caption: caption.map((p) => p.text).join('\n'), credit });
    state.open = undefined;
  },
  captionedPhoto(state, _line, { photo }) {
    state.photos.push(photo);
    state.open = undefined;
  },
  dateline(state, line, { dated }) {
    state.dateline = { ...dated.dateline, position: state.count === 0 ? 'lead' : 'end' };
    if (dated.year !== undefined) state.datelineYear = dated.year;
    let rest = dated.rest;
    if (dated.byline && !state.byline) state.byline = { ...dated.byline, position: 'lead' };
    else if (dated.byline) rest = dated.byline.raw + rest;
    state.open = undefined;
    if (rest) addParagraph(state, rest, line);
  },
  laterDateline(state, line, { dated }) {
    // The paragraph keeps its printed text; the dateline is a view of it, for reporter and place pages.
    state.datelines.push({
      ...dated.dateline,
      position: 'lead',
      ...(dated.byline ? { credit: dated.byline } : {}),
    });
    state.open = undefined;
    addParagraph(state, line.text, line);
  },
  byline(state, _line, { credit }) {
    state.byline = { ...credit, position: state.count === 0 ? 'top' : 'end' };
    state.open = undefined;
  },
  unplacedCredit(state, line) {
    // A second byline or closing dateline: kept where it was printed, never joined or made a subhead.
    state.sink.report(line.line, 'item/unplaced-credit', line.line);
    state.open = undefined;
    addParagraph(state, line.text, line);
    state.open = undefined;
  },
  subhead(state, line) {
    state.section = { heading: line.text, paragraphs: [] };
    state.sections.push(state.section);
    state.open = undefined;
  },
  paragraph(state, line) {
    const jumped = splitJump(line.text);
    if (jumped === undefined) {
      addParagraph(state, line.text, line);
    } else if (jumped.jump.direction === 'from') {
      handlers.jump(state, line, { kind: 'jump', jump: jumped.jump });
      if (jumped.text) addParagraph(state, jumped.text, line);
    } else {
      if (jumped.text) addParagraph(state, jumped.text, line);
      handlers.jump(state, line, { kind: 'jump', jump: jumped.jump });
    }
  },
};

/** Runs the handler of a token. */
function dispatch(state: ItemState, line: BodyLine, token: Token): void {
  (handlers[token.kind] as (state: ItemState, line: BodyLine, token: Token) => void)(state, line, token);
}

/** The headline of an item with no heading marker: its first line, when that reads as a title. */
function unmarkedHeadline(lines: BodyLine[]): string | undefined {
  const first = lines[0];
  if (
    first &&
    lines.length > 1 &&
    isTitleLike(first.text, 40) &&
    !matchDateline(first.text) &&
    !parseByline(first.text) &&
    !matchJump(first.text)
  ) {
    lines.shift();
    return first.text;
  }
  return undefined;
}

/** The headline block with its column label taken off the kicker or, failing that, the headline. */
function headlineBlock(
  kicker: string | undefined,
  headline: string,
): Pick<ItemParts, 'column' | 'kicker' | 'headline'> {
  const fromKicker = kicker === undefined ? undefined : splitColumnLabel(kicker);
  if (fromKicker) {
    return { column: fromKicker.column, ...(fromKicker.rest ? { kicker: fromKicker.rest } : {}), headline };
  }
  const fromHeadline = splitColumnLabel(headline);
  return {
    ...(fromHeadline ? { column: fromHeadline.column } : {}),
    ...(kicker === undefined ? {} : { kicker }),
    headline: fromHeadline?.rest ?? headline,
  };
}

/**
 * Reads an item's lines in order: the headline of an item with no heading marker, the byline,
 * the dateline (`lead` when it opens the text, `end` when it closes it) and a roundup's later
 * datelines, jump lines, subheads that start sections, photos with their captions and credits,
 * and paragraphs, joining a paragraph that a column break cut in two (with a warning naming both
 * lines). Each line is classified, then handed to the handler of its kind.
 */
export function readItem(chunk: Chunk, sink: DiagnosticSink): ItemParts {
  const lines = [...chunk.lines];
  const headline = chunk.headline ?? unmarkedHeadline(lines) ?? '';
  if (headline === '') sink.report(chunk.line, 'item/missing-headline');

  const first: DraftSection = { paragraphs: [] };
  const state: ItemState = {
    sink,
    lines,
    index: 0,
    datelines: [],
    jumps: [],
    sections: [first],
    section: first,
    photos: [],
    count: 0,
    open: undefined,
  };
  for (; state.index < lines.length; state.index += 1) {
    const line = lines[state.index];
    if (line) dispatch(state, line, classify(line, state));
  }

  const sections = state.sections
    .filter((s) => s.heading !== undefined || s.paragraphs.length > 0)
    .map((s) => ({
      ...(s.heading === undefined ? {} : { heading: s.heading }),
      paragraphs: s.paragraphs.map((p) => p.text),
    }));
  const { count, photos } = state;
  if (count === 0 && photos.length === 0) sink.report(chunk.line, 'item/empty', headline);
  if (headline !== '' && length(headline) > 80) sink.report(chunk.line, 'item/long-headline');
  return {
    line: chunk.line,
    kind: photos.length > 0 && count === 0 ? 'photo' : 'article',
    ...headlineBlock(chunk.kicker, headline),
    ...(chunk.subheadline === undefined ? {} : { subheadline: chunk.subheadline }),
    ...(state.byline ? { byline: state.byline } : {}),
    ...(state.dateline ? { dateline: state.dateline } : {}),
    ...(state.datelines.length > 0 ? { datelines: state.datelines } : {}),
    ...(state.jumps.length > 0 ? { jumps: state.jumps } : {}),
    ...(state.datelineYear === undefined ? {} : { datelineYear: state.datelineYear }),
    sections,
    photos,
  };
}
