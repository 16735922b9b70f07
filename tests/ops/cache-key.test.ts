import { describe, expect, it } from 'vitest';
import { digestOf, keyed } from '../../src/site/cache-key.ts';

describe('page cache keys', () => {
  it('are equal for equal props whatever the key order, and differ when anything rendered differs', () => {
    const props = { record: { id: 'a', sections: [{ paragraphs: ['一', '二'] }] }, previous: undefined, title: '题' };
    const same = { title: '题', record: { sections: [{ paragraphs: ['一', '二'] }], id: 'a' } };
    expect(digestOf(props)).toBe(digestOf(same));
    expect(digestOf(props)).not.toBe(digestOf({ ...same, title: '题 ' }));
    expect(digestOf(props)).not.toBe(digestOf({ ...same, record: { ...same.record, id: 'b' } }));
    expect(digestOf({ a: ['x', 'y'] })).not.toBe(digestOf({ a: ['y', 'x'] }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: '1' }));
    expect(digestOf({ a: null })).not.toBe(digestOf({}));
    // Keys and values cannot run into each other.
    expect(digestOf({ a: 'b,c' })).not.toBe(digestOf({ a: 'b', c: undefined, 'b,c': undefined }));
    expect(digestOf(['a,b'])).not.toBe(digestOf(['a', 'b']));
  });

  it('refuse props a digest could not see whole, naming where they are', () => {
    expect(() => digestOf({ page: { groups: new Map([['a', 1]]) } }, 'props')).toThrow(
      /props\.page\.groups is a Map: page props must be plain JSON data/u,
    );
    expect(() => digestOf({ when: new Date(0) }, 'props')).toThrow(/props\.when is a Date/u);
    expect(() => digestOf({ link: () => '/' }, 'props')).toThrow(/props\.link is a function/u);
    expect(() => digestOf({ items: [1, Number.NaN] }, 'props')).toThrow(/props\.items\[1\] is NaN/u);
    expect(() => digestOf({ names: new Set(['a']) })).toThrow(/is a Set/u);
  });

  it('key each getStaticPaths entry by its params and props', () => {
    const paths = keyed([
      { params: { id: 'a' }, props: { title: '甲' } },
      { params: { id: 'b' }, props: { title: '甲' } },
    ]);
    expect(paths.map((path) => path.params)).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(paths[0]?.cacheKey).toMatch(/^[0-9a-f]{64}$/u);
    expect(paths[0]?.cacheKey).not.toBe(paths[1]?.cacheKey);
    expect(paths[0]?.cacheKey).toBe(digestOf({ params: { id: 'a' }, props: { title: '甲' } }));
  });
});
