import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addSyntheticDay } from '../../../scripts/lib/synthetic.ts';
import { build, differences, startLane, step } from '../../helpers/incremental.ts';
import { ROOT } from '../../helpers/site.ts';

/**
 * An incremental build writes exactly the site a clean build of the same seeds writes, byte for
 * byte, search bundles included, on the days the search bundles change most: the first day of a
 * month and of a quarter; and an output folder changed by hand is not trusted. (A day added, an
 * old seed edited and a seed removed are checked in `npm test`: tests/ops/incremental-identity.test.ts.)
 * The work folder is inside the project (Astro keeps its prerender chunks beside an outDir inside it).
 */
const WORK = join(ROOT, 'tests', '.output', `incremental-${process.pid}`);
afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

/** What Astro's incremental build recorded in `<lane>/cache`: each route's code hash and its pages' keys. */
interface IncrementalManifest {
  /** By route component. */
  routes: Record<string, { dependencyHash: string; paths: Record<string, { cacheKey: string }> }>;
}

/** Reads the incremental build's manifest of `lane`. */
function readManifest(lane: string): IncrementalManifest {
  return JSON.parse(readFileSync(join(lane, 'cache', 'incremental-build.json'), 'utf8')) as IncrementalManifest;
}

/** Each route's code hash. */
function codeHashes(manifest: IncrementalManifest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(manifest.routes).map(([route, { dependencyHash }]) => [route, dependencyHash]),
  );
}

describe('incremental builds', () => {
  it('write byte for byte the site a clean build writes on the first days of a month and a quarter, and after the output was touched', async () => {
    const folders = await startLane(WORK, { articles: 90, seed: 11 });
    const { seeds, lane } = folders;
    // Every dynamic route keys every page it writes: Astro's manifest lists them all with a key.
    const manifest = readManifest(lane);
    const dynamic = readdirSync(join(ROOT, 'src', 'pages'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.includes('[') && /\.(?:astro|ts)$/u.test(file))
      .map((file) => `src/pages/${file.split('\\').join('/')}`)
      // The synthetic archive prints no column labels, so the column route writes no page here;
      // its indexes hold fewer than 1,000 names, so neither do the routes of names by initial.
      .filter((file) => !file.startsWith('src/pages/columns/') && !file.includes('/initials/'))
      .sort();
    expect(Object.keys(manifest.routes).sort()).toEqual(dynamic);
    for (const [route, { paths }] of Object.entries(manifest.routes)) {
      expect(Object.keys(paths).length, route).toBeGreaterThan(0);
      expect(
        Object.values(paths).every(({ cacheKey }) => /^[0-9a-f]{64}$/u.test(cacheKey)),
        route,
      ).toBe(true);
    }

    // A new month: the month that closes keeps its bundle, and nothing older is indexed again. The
    // new issue's items datelined the day before (30 April) join the closed month's bundle.
    const opened = await step(folders, 'month-opened', () =>
      addSyntheticDay(seeds, { seed: 11, date: '2026-05-01', items: 8 }),
    );
    expect(opened.reused, 'pages reused after a month was opened').toBeGreaterThan(opened.rendered);
    // The folder the last build left is trusted (and checked), not emptied and copied back.
    expect(opened.log).toMatch(/as the last build left it/u);
    expect(opened.log).toMatch(/Bundle 2026-q1: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(opened.log).toMatch(/Bundle 2025: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(opened.log).toMatch(/Bundle 2026-05: \d+ pages? indexed/u);
    expect(opened.log).not.toMatch(/Bundle (?!2026-0[45]:)\S+: \d+ pages? indexed/u);
    // No code changed, so no route's code hash may change between the first build and the next:
    // a route whose hash moves has every page rendered again.
    expect(codeHashes(readManifest(lane)), 'route code hashes after a month was opened').toEqual(codeHashes(manifest));

    // A new quarter: the closed quarter's months are indexed again as one bundle, but their pages,
    // which name their month and not their bundle, are not rendered again.
    const quarter = await step(folders, 'quarter-opened', () =>
      addSyntheticDay(seeds, { seed: 11, date: '2026-07-01', items: 8 }),
    );
    expect(quarter.log).toMatch(/Bundle 2026-q2: \d+ pages? indexed/u);
    expect(quarter.log).toMatch(/Bundle 2026-q1: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(quarter.log).toMatch(/\/articles\/xinhua-2026-05-01-[^ ]*\/index\.html \((?:cached|restored)\)/u);
    expect(quarter.log).not.toMatch(/\/articles\/xinhua-2026-0[45]-[^ ]*\/index\.html \(\+/u);

    // A page changed by hand in the output folder is not trusted: the folder is emptied and rebuilt.
    const page = join(lane, 'dist', 'archive', 'index.html');
    writeFileSync(page, `${readFileSync(page, 'utf8')}<!-- edited -->`);
    const reference = join(WORK, 'quarter-opened', 'dist');
    const touched = await build(seeds, lane);
    expect(touched.log).toMatch(/Emptied .*: it is not what the last successful build/u);
    expect(differences(join(lane, 'dist'), reference), 'after a hand edit: files that differ').toEqual([]);
  }, 240_000);
});
