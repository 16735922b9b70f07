import { describe, expect, it } from 'vitest';
import { buildPhases } from '../../scripts/lib/build-log.ts';
import { median } from '../../scripts/lib/parse-bench.ts';

/** Lines as `astro build` prints them, with arrival times in ms. */
const LOG: [number, string][] = [
  [900, '12:00:01 [content] Syncing content'],
  [1000, '12:00:01 [xinhua-seed-loader] 10 items from 2 seeds (1 parsed, 1 unchanged); 0 errors, 0 warnings'],
  [3000, '12:00:03 [content] Synced content'],
  [3500, '12:00:04 [build] Building static entrypoints...'],
  [4000, ' generating static routes '],
  [4100, '12:00:05   ├─ /articles/a-1/index.html (+5ms) '],
  [4200, '12:00:05   ├─ /articles/a-2/index.html (restored) '],
  [4300, '12:00:05   ├─ /articles/a-3/index.html (cached) '],
  [9000, '12:00:09 ✓ Completed in 5.00s.'],
  [9100, '12:00:09 [build] ✓ Completed in 5.10s.'],
  [11000, '12:00:11 [xinhua-pagefind] Bundle 2026: 9 pages'],
  [12000, '12:00:12 [xinhua-pagefind] Bundle 2025: 3 pages'],
  [
    12000,
    '12:00:12 [xinhua-pagefind] Pagefind found 14 HTML files (3 read), indexed 12 pages in 2 bundles and wrote its index to /tmp/dist/pagefind/',
  ],
  [12100, '12:00:12 [build] 14 page(s) built in 11.2s'],
];

describe('build log phases', () => {
  it('splits a build at the lines Astro prints, the index phase ending at the summary after every bundle', () => {
    const phases = buildPhases(
      LOG.map(([ms, text]) => ({ ms, text })),
      12500,
    );
    expect(phases).toEqual({
      startup: 900,
      load: 2100,
      render: 6000,
      index: 3000,
      finish: 500,
      indexedPages: 12,
      pagesBuilt: 14,
      rendered: 1,
      restored: 2,
      loader: { items: 10, seeds: 2, parsed: 1, unchanged: 1 },
    });
  });

  it('leaves a phase null when its lines are missing', () => {
    const phases = buildPhases(
      LOG.filter(([, text]) => !text.includes('pagefind')).map(([ms, text]) => ({ ms, text })),
      10000,
    );
    expect(phases.index).toBeNull();
    expect(phases.indexedPages).toBeNull();
    expect(phases.finish).toBe(1000);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
