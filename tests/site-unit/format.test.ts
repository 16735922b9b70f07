/**
 * The excerpt that list pages and article descriptions show: the opening characters of an item's
 * text (or of its captions when it has none), white space left out, cut by code point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/index.ts';
import { excerpt } from '../../src/site/format.ts';

/** A record with these paragraphs (one per section) and captions, nothing else that an excerpt reads. */
function record(paragraphs: string[], captions: string[] = []): ArticleRecord {
  return {
    sections: paragraphs.map((text) => ({ paragraphs: [text] })),
    photos: captions.map((caption) => ({ caption })),
  } as unknown as ArticleRecord;
}

describe('excerpt', () => {
  it('takes the first characters of the paragraphs, white space left out, and marks a cut with …', () => {
    expect(excerpt(record(['新华社北京 4月1日电', '第二段'], ['图片说明']), 8)).toBe('新华社北京4月1…');
    expect(excerpt(record(['短文。']), 8)).toBe('短文。');
    expect(excerpt(record(['一二三四']), 4)).toBe('一二三四');
  });

  it('falls back to the captions when the item has no text', () => {
    expect(excerpt(record([''], ['　神舟二十一号 航天员', '乘组']), 6)).toBe('神舟二十一号…');
  });

  it('cuts by code point, never inside a character outside the Basic Multilingual Plane', () => {
    expect(excerpt(record(['𠮷野家𠮷']), 3)).toBe('𠮷野家…');
  });

  it('is the text with white space removed, cut to `size` code points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' })),
        fc.array(fc.string({ unit: 'grapheme' })),
        fc.nat(40),
        (paragraphs, captions, size) => {
          const text = paragraphs.join('') || captions.join('');
          const chars = Array.from(text.replace(/\s+/gu, ''));
          const expected = chars.length > size ? `${chars.slice(0, size).join('')}…` : chars.join('');
          expect(excerpt(record(paragraphs, captions), size)).toBe(expected);
        },
      ),
    );
  });
});
