import type { Heading, Paragraph, Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { trimPad } from './chars.ts';

/**
 * Markdown constructs a newspaper dump never means: with these off, `*星号*`, `<script>`,
 * `[链接](…)`, `1. 第一`, `> 引用`, `---`, `&amp;` and indented lines all stay the literal
 * printed characters. Only ATX headings, paragraphs and line breaks remain.
 */
const LITERAL_CONSTRUCTS: Extension = {
  disable: {
    null: [
      'attention',
      'autolink',
      'blockQuote',
      'characterEscape',
      'characterReference',
      'codeFenced',
      'codeIndented',
      'codeText',
      'definition',
      'hardBreakEscape',
      'htmlFlow',
      'htmlText',
      'labelEnd',
      'labelStartImage',
      'labelStartLink',
      'list',
      'setextUnderline',
      'thematicBreak',
    ],
  },
};

/** A unified plugin: parse seeds as headings and paragraphs of literal text. */
export function remarkLiteralText(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(LITERAL_CONSTRUCTS);
}

/** An ATX heading (`#`, `##`, …) of the seed. */
export interface HeadingBlock {
  /** Discriminant. */
  type: 'heading';
  /** 1 for `#`, 2 for `##`, … */
  depth: number;
  /** The heading text, as printed. */
  text: string;
  /** 1-based line in the file. */
  line: number;
}

/** One printed line of a paragraph. */
export interface LineBlock {
  /** Discriminant. */
  type: 'line';
  /** The line, padding trimmed. */
  text: string;
  /** 1-based line in the file. */
  line: number;
  /** How it follows the previous line: after a blank line (or a heading), or within one paragraph. */
  after: 'blank' | 'soft' | 'hard';
}

/** A block of the seed in reading order. */
export type Block = HeadingBlock | LineBlock;

const processor = unified().use(remarkParse).use(remarkLiteralText);

/** Parses a seed body into mdast (headings and paragraphs of literal text). */
export function parseMarkdown(body: string): Root {
  return processor.parse(body);
}

/** Text of a heading: its text nodes joined (no other inline constructs are enabled). */
function headingText(node: Heading): string {
  return trimPad(node.children.map((child) => ('value' in child ? child.value : '')).join(''));
}

/** Splits a paragraph node into its printed lines. */
function paragraphLines(node: Paragraph, lineOffset: number, into: Block[]): void {
  let line = (node.position?.start.line ?? 1) + lineOffset;
  let current = '';
  let after: LineBlock['after'] = 'blank';
  const flush = (next: LineBlock['after']): void => {
    const text = trimPad(current);
    if (text) into.push({ type: 'line', text, line, after });
    after = text ? next : after;
    current = '';
  };
  for (const child of node.children) {
    if (child.type === 'break') {
      flush('hard');
      line += 1;
    } else if ('value' in child) {
      const parts = child.value.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) {
          flush('soft');
          line += 1;
        }
        current += part;
      });
    }
  }
  flush('soft');
}

/**
 * Turns a seed body into blocks: headings and printed lines, with file line numbers
 * (`lineOffset` lines of front matter precede the body).
 */
export function toBlocks(tree: Root, lineOffset: number): Block[] {
  const blocks: Block[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      blocks.push({
        type: 'heading',
        depth: node.depth,
        text: headingText(node),
        line: (node.position?.start.line ?? 1) + lineOffset,
      });
    } else if (node.type === 'paragraph') {
      paragraphLines(node, lineOffset, blocks);
    }
  }
  return blocks;
}
