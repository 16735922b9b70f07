import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  foldChar,
  foldsToItself,
  foldText,
  isHan,
  normalizeQuery,
  queryTerms,
  tidyQuery,
  widenTerm,
} from '../../src/search/normalize.ts';

describe('query normalisation', () => {
  it('turns full-width letters, digits and spaces into half-width ones and lower-cases Latin', () => {
    expect(tidyQuery('ＣＯＰ２９　气候')).toBe('cop29 气候');
    expect(tidyQuery('  京津冀   协同  ')).toBe('京津冀 协同');
  });

  it('maps compatibility ideographs to the unified ones', () => {
    expect(tidyQuery('\uf900')).toBe('\u8c48');
  });

  it('folds text without changing its length, so offsets stay valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(foldText(text)).toHaveLength(text.length);
      }),
    );
    expect(foldText('Ａ㈱b')).toBe('a㈱b');
  });

  it('leaves every character it skips as NFKC and lower-casing would (CJK ideographs, ASCII but capitals)', () => {
    const changed: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (!foldsToItself(code)) continue;
      const char = String.fromCharCode(code);
      if (char.normalize('NFKC').toLowerCase() !== char) changed.push(code.toString(16));
    }
    expect(changed).toEqual([]);
    expect(foldChar('Ａ')).toBe('a');
    expect(foldChar('A')).toBe('a');
  });

  it('converts a traditional query to simplified characters', async () => {
    expect(await normalizeQuery('　張小玲 ')).toBe('张小玲');
    expect(await normalizeQuery('臺灣 經濟')).toBe('台湾 经济');
  });

  it('splits terms at spaces without repeats', () => {
    expect(queryTerms('京津冀 协同 京津冀')).toEqual(['京津冀', '协同']);
    expect(queryTerms('')).toEqual([]);
  });

  it('widens a Han term into its suffixes and its characters, and nothing else', () => {
    expect(widenTerm('人如织')).toEqual(['如织', '人', '如', '织']);
    expect(widenTerm('京')).toEqual([]);
    expect(widenTerm('cop29')).toEqual([]);
    expect(isHan('天宫画展')).toBe(true);
    expect(isHan('C919')).toBe(false);
  });
});
