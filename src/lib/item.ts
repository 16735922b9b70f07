import { continuesAcrossBreak, isTitleLike, length } from './chars.ts';
import { parseByline, parsePhotoCredit, splitCaptionCredit } from './credit.ts';
import { matchDateline } from './dateline.ts';
import type { DiagnosticSink } from './diagnostics.ts';
import { isBareDateline, type BodyLine, type Chunk } from './segment.ts';
import type { Credit, Dateline, Photo, Section } from './types.ts';

/** An item's printed parts, read from its chunk; dates and ids come later. */
export interface ItemParts {
  /** 1-based line where the item starts. */
  line: number;
  /** `photo` when the item holds captions and credits only. */
  kind: 'article' | 'photo';
  /** 引题. */
  kicker?: string;
  /** 主题 (empty when none was printed). */
  headline: string;
  /** 副题. */
  subheadline?: string;
  /** The byline. */
  byline?: Credit;
  /** The dateline. */
  dateline?: Dateline;
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

/** Whether a line reads as body text that may follow a subhead (not a title, credit or dateline). */
function isBodyText(text: string): boolean {
  return !isTitleLike(text) && !isBareDateline(text) && parsePhotoCredit(text) === undefined;
}

/**
 * Reads an item's lines in order: the headline of an item with no heading marker, the byline,
 * the dateline (`lead` when it opens the text, `end` when it closes it), subheads that start
 * sections, photos with their captions and credits, and paragraphs, joining a paragraph that a
 * column break cut in two (with a warning naming both lines).
 */
export function readItem(chunk: Chunk, sink: DiagnosticSink): ItemParts {
  const lines = [...chunk.lines];
  let headline = chunk.headline;
  if (headline === undefined) {
    const first = lines[0];
    if (
      first &&
      lines.length > 1 &&
      isTitleLike(first.text, 40) &&
      !matchDateline(first.text) &&
      !parseByline(first.text)
    ) {
      headline = first.text;
      lines.shift();
    } else {
      headline = '';
    }
  }
  if (headline === '') {
    sink.warn(
      chunk.line,
      'item/missing-headline',
      'This item has no headline. Put its headline on a line of its own starting with "# " above the text.',
    );
  }

  let byline: Credit | undefined;
  let dateline: Dateline | undefined;
  let datelineYear: number | undefined;
  const sections: { heading?: string; paragraphs: Paragraph[] }[] = [{ paragraphs: [] }];
  const photos: Photo[] = [];
  let section = sections[0] ?? { paragraphs: [] };
  let count = 0;
  /** The paragraph a following line may continue (unset by anything printed in between). */
  let open: Paragraph | undefined;

  const addParagraph = (text: string, line: BodyLine): void => {
    if (open && continuesAcrossBreak(open.text, text)) {
      if (line.after === 'blank') {
        sink.warn(
          open.lastLine,
          'paragraph/column-break',
          `Line ${open.lastLine} ends mid-sentence and line ${line.line} continues it; they were joined as one paragraph (a column break). If they are two paragraphs, end line ${open.lastLine} with its punctuation.`,
        );
      }
      open.text += text;
      open.lastLine = line.line;
      return;
    }
    open = { text, firstLine: line.line, lastLine: line.line, after: line.after };
    section.paragraphs.push(open);
    count += 1;
  };

  const addPhoto = (credit: Credit, line: BodyLine): void => {
    const paragraphs = section.paragraphs;
    let take = 0;
    if (line.after !== 'blank') {
      let run = 0;
      for (let i = paragraphs.length - 1; i >= 0; i -= 1) {
        run += 1;
        if (paragraphs[i]?.after === 'blank') break;
      }
      take = run === count && !byline && !dateline ? run : Math.min(1, paragraphs.length);
    } else if (!byline && !dateline && count === paragraphs.length) {
      take = paragraphs.length;
    }
    const caption = paragraphs.splice(paragraphs.length - take, take);
    count -= caption.length;
    photos.push({ caption: caption.map((p) => p.text).join('\n'), credit });
    open = undefined;
  };

  lines.forEach((line, index) => {
    const { text } = line;
    const credit = line.subhead ? undefined : parsePhotoCredit(text);
    if (credit) {
      addPhoto(credit, line);
      return;
    }
    const captioned = line.subhead ? undefined : splitCaptionCredit(text);
    if (captioned && captioned.caption !== '') {
      open = undefined;
      photos.push(captioned);
      return;
    }
    const dated = line.subhead ? undefined : matchDateline(text);
    if (dated && !dateline && (count === 0 || dated.rest === '')) {
      dateline = { ...dated.dateline, position: count === 0 ? 'lead' : 'end' };
      datelineYear = dated.year;
      let rest = dated.rest;
      if (dated.byline && !byline) byline = { ...dated.byline, position: 'lead' };
      else if (dated.byline) rest = dated.byline.raw + rest;
      open = undefined;
      if (rest) addParagraph(rest, line);
      return;
    }
    const credited = line.subhead || byline ? undefined : parseByline(text);
    const atEnd = (): boolean =>
      lines.slice(index + 1).every((next) => isBareDateline(next.text) || parsePhotoCredit(next.text));
    if (credited && (count === 0 || /^[（(]/u.test(text) || atEnd())) {
      byline = { ...credited, position: count === 0 ? 'top' : 'end' };
      open = undefined;
      return;
    }
    if (dated || (credited ?? parseByline(text))) {
      // A second byline or dateline: kept where it was printed, never joined or made a subhead.
      sink.warn(
        line.line,
        'item/unplaced-credit',
        `Line ${line.line} reads as a byline or dateline, but this item already has one; it is kept as a paragraph. If it starts another article, put a "# " headline above it.`,
      );
      open = undefined;
      addParagraph(text, line);
      open = undefined;
      return;
    }
    const next = lines[index + 1];
    if (line.subhead === true || (next !== undefined && isTitleLike(text) && isBodyText(next.text))) {
      section = { heading: text, paragraphs: [] };
      sections.push(section);
      open = undefined;
      return;
    }
    addParagraph(text, line);
  });

  const kept = sections
    .filter((s) => s.heading !== undefined || s.paragraphs.length > 0)
    .map((s) => ({
      ...(s.heading === undefined ? {} : { heading: s.heading }),
      paragraphs: s.paragraphs.map((p) => p.text),
    }));
  const kind = photos.length > 0 && count === 0 ? 'photo' : 'article';
  if (count === 0 && photos.length === 0) {
    sink.warn(
      chunk.line,
      'item/empty',
      `The item "${headline}" has no text. Add its paragraphs below the headline, or remove the headline.`,
    );
  }
  if (headline !== '' && length(headline) > 80) {
    sink.warn(
      chunk.line,
      'item/long-headline',
      'The headline is over 80 characters; a paragraph may have been marked as a heading.',
    );
  }
  return {
    line: chunk.line,
    kind,
    ...(chunk.kicker === undefined ? {} : { kicker: chunk.kicker }),
    headline,
    ...(chunk.subheadline === undefined ? {} : { subheadline: chunk.subheadline }),
    ...(byline ? { byline } : {}),
    ...(dateline ? { dateline } : {}),
    ...(datelineYear === undefined ? {} : { datelineYear }),
    sections: kept,
    photos,
  };
}
