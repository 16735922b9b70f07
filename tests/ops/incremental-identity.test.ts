import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addSyntheticDay, editSyntheticPage } from '../../scripts/lib/synthetic.ts';
import { startLane, step } from '../helpers/incremental.ts';
import { ROOT } from '../helpers/site.ts';

/**
 * An incremental build writes exactly the site a clean build of the same seeds writes, byte for
 * byte, search bundles included: after a new day's seeds are added, after a seed of an old year
 * is edited, and after a seed is removed. The end-to-end suite goes on from here with the first
 * days of a month and a quarter and an output folder changed by hand
 * (tests/e2e/incremental/identity.test.ts). The work folder is inside the project (Astro keeps
 * its prerender chunks beside an outDir inside it).
 */
const WORK = join(ROOT, 'tests', '.output', `identity-${process.pid}`);
afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it('writes byte for byte the site a clean build writes after a day is added, an old seed edited and a seed removed', async () => {
    const folders = await startLane(WORK, { articles: 60, seed: 7 });
    const { seeds } = folders;

    const added = await step(folders, 'day-added', () =>
      addSyntheticDay(seeds, { seed: 7, date: '2026-04-02', items: 12 }),
    );
    expect(added.reused, 'pages reused after a day was added').toBeGreaterThan(added.rendered);
    expect(added.log).toMatch(/Bundle 2024: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(added.log).toMatch(/Bundle 2026-04: \d+ pages? indexed/u);
    // The phrase index writes the newest period's shards again and leaves the older periods' as they are.
    expect(added.log).toMatch(/Wrote the shards of 1 period\(s\) \(\d+ files\), kept [1-9]\d*;/u);

    const old = readdirSync(seeds).find((name) => name.startsWith('xinhua-2024-'));
    if (!old) throw new Error('the synthetic archive has no seed of 2024');
    const edited = await step(folders, 'old-seed-edited', () => {
      editSyntheticPage(join(seeds, old));
    });
    expect(edited.reused, 'pages reused after an old seed was edited').toBeGreaterThan(edited.rendered);
    expect(edited.log).toMatch(/Bundle 2024: \d+ pages? indexed/u);
    expect(edited.log).not.toMatch(/Bundle (?!2024:)\S+: \d+ pages? indexed/u);
    expect(edited.log).toMatch(/Bundle 2025: \d+ pages?, unchanged since the last build \(kept in place\)/u);

    const gone = readdirSync(seeds).find((name) => name.startsWith('xinhua-2025-'));
    if (!gone) throw new Error('the synthetic archive has no seed of 2025');
    const removed = await step(folders, 'seed-removed', () => {
      rmSync(join(seeds, gone));
    });
    expect(removed.log).toMatch(/removed [1-9]\d* this build no longer writes/u);
  }, 240_000);
});
