import { describe, expect, it } from 'vitest';
import { bundleOfHtml, openPeriod, orderBundles, searchBundle, searchBundles } from '../../src/site/search-bundles.ts';

describe('search bundles by period', () => {
  const dates = ['2024-05-01', '2025-12-31', '2026-10-31', '2026-11-01', '2026-11-29', null];

  it('gives the newest month a bundle of its own and every other dated item its year', () => {
    expect(openPeriod(dates)).toBe('2026-11');
    expect(searchBundle('2026-11-29', '2026-11')).toBe('2026-11');
    expect(searchBundle('2026-10-31', '2026-11')).toBe('2026');
    expect(searchBundle('2024-05-01', '2026-11')).toBe('2024');
    expect(searchBundle(null, '2026-11')).toBe('undated');
    expect(searchBundle('not a date', '2026-11')).toBe('undated');
  });

  it('lists the bundles newest first, the open month before its year, undated last', () => {
    expect(searchBundles(dates)).toEqual(['2026-11', '2026', '2025', '2024', 'undated']);
    expect(orderBundles(['undated', '2025', '2026-01'])).toEqual(['2026-01', '2025', 'undated']);
    expect(searchBundles([null])).toEqual(['undated']);
  });

  it('starts a year with its open month only, and closes the month when a newer one arrives', () => {
    expect(searchBundles(['2025-12-31', '2026-01-01'])).toEqual(['2026-01', '2025']);
    expect(searchBundles(['2025-12-31', '2026-01-01', '2026-02-01'])).toEqual(['2026-02', '2026', '2025']);
  });

  it('reads the bundle a built page names', () => {
    expect(bundleOfHtml('<article data-pagefind-body data-search-bundle="2026-11">')).toBe('2026-11');
    expect(bundleOfHtml('<article data-pagefind-body>')).toBeNull();
  });
});
