import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { generateT2S } from '../../scripts/build-t2s.ts';
import { printedText } from '../../src/lib/index.ts';
import { convertWith, loadTable, needsSimplification, toSimplified } from '../../src/search/t2s.ts';
import { fixtureCases } from '../helpers/fixtures.ts';
import { parseText } from '../helpers/parse.ts';
import { PAGE_FIXTURES } from '../helpers/site.ts';

const texts = fixtureCases()
  .filter((c) => PAGE_FIXTURES.includes(c.name))
  .flatMap((c) => parseText(new TextDecoder().decode(c.input.content), c.input.file).articles)
  .map((record) => printedText(record).join('\n'));

describe('traditional → simplified', () => {
  it('converts the traditional forms of names and words to the simplified text', async () => {
    expect(await toSimplified('張小玲')).toBe('张小玲');
    expect(await toSimplified('經濟')).toBe('经济');
    expect(await toSimplified('臺灣')).toBe('台湾');
    expect(await toSimplified('天宮畫展')).toBe('天宫画展');
    expect(await toSimplified('京津冀協同發展')).toBe('京津冀协同发展');
  });

  it('keeps phrases whose characters OpenCC leaves as they are (乾坤, 著名)', async () => {
    expect(await toSimplified('乾坤')).toBe('乾坤');
    expect(await toSimplified('著名學者')).toBe('著名学者');
    expect(await toSimplified('乾淨')).toBe('干净');
  });

  it('reads a query as traditional only when it holds a character simplified text never uses', async () => {
    expect(needsSimplification('显著')).toBe(false);
    expect(await toSimplified('显著')).toBe('显著');
    expect(await toSimplified('土著')).toBe('土著');
    expect(await toSimplified('顯著')).toBe('显著');
    expect(await toSimplified('他很著急嗎')).toBe('他很着急吗');
  });

  it('leaves simplified text alone and needs no table for it', async () => {
    for (const text of texts) {
      expect(needsSimplification(text)).toBe(false);
      expect(await toSimplified(text)).toBe(text);
    }
  });

  it('agrees with OpenCC (tw → cn) on the fixture texts written in traditional characters', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const reference = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const table = await loadTable();
    for (const text of texts) {
      const traditional = toTraditional(text);
      expect(needsSimplification(traditional)).toBe(true);
      expect(convertWith(table, traditional)).toBe(reference(traditional));
      expect(convertWith(table, traditional)).toBe(text);
    }
  });

  it('is idempotent on any string of fixture characters in either script', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const chars = [...new Set(Array.from(texts.join('')).filter((c) => /\p{Script=Han}/u.test(c)))];
    const alphabet = [...chars, ...chars.map((c) => toTraditional(c))];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), async (list) => {
        const once = await toSimplified(list.join(''));
        expect(await toSimplified(once)).toBe(once);
        expect(Array.from(once)).toHaveLength(list.length);
      }),
    );
  });

  it('is generated from opencc-js by scripts/build-t2s.ts and has not been edited since', () => {
    for (const [name, text] of Object.entries(generateT2S())) {
      expect(readFileSync(join(import.meta.dirname, '..', '..', 'src', 'search', name), 'utf8'), name).toBe(text);
    }
  });
});
