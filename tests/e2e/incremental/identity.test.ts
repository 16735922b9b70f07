import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { addSyntheticDay, editSyntheticPage, writeSyntheticArchive } from '../../../scripts/lib/synthetic.ts';
import { ROOT } from '../../helpers/site.ts';

/**
 * An incremental build writes exactly the site a clean build of the same seeds writes, byte
 * for byte, search bundles included: after a day is added, after a seed of an old year is
 * edited, after a seed is removed, and after the output folder was changed by hand. The work
 * folder is inside the project (Astro keeps its prerender chunks beside an outDir inside it).
 */
const WORK = join(ROOT, 'tests', '.output', `incremental-${process.pid}`);
afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

/** What `astro build` printed, and how many pages it reused. */
interface Built {
  log: string;
  reused: number;
  rendered: number;
}

/** Builds `seeds` into `<lane>/dist` with the cache folder `<lane>/cache`. */
function build(seeds: string, lane: string): Promise<Built> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build', '--outDir', join(lane, 'dist')], {
      cwd: ROOT,
      // A local test build says so with SITE_URL (a build without it fails in CI).
      env: {
        ...process.env,
        SITE_URL: 'http://localhost:4321',
        SEEDS_DIR: relative(ROOT, seeds),
        ASTRO_CACHE_DIR: join(lane, 'cache'),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // Without colour codes, which Astro prints when the environment forces colour (as CI may).
      const log = stripVTControlCharacters(output);
      if (code !== 0) {
        reject(new Error(`astro build failed (${code}):\n${log}`));
        return;
      }
      const reused = (log.match(/\((?:cached|restored)\)/gu) ?? []).length;
      const rendered = (log.match(/ ├─ .*\(\+\d/gu) ?? []).length;
      resolve({ log, reused, rendered });
    });
  });
}

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

/** Every file under `dir` with its bytes. */
function files(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((path) => [relative(dir, path), readFileSync(path)]),
  );
}

/** The paths that differ between two output folders (missing on one side or other bytes). */
function differences(a: string, b: string): string[] {
  const left = files(a);
  const right = files(b);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.filter((path) => {
    const x = left.get(path);
    const y = right.get(path);
    return !x || !y || !x.equals(y);
  });
}

/** A copy of the seeds folder `from` as it is now, for the clean build of that state. */
function snapshotSeeds(from: string, name: string): string {
  const to = join(WORK, `seeds-${name}`);
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) copyFileSync(join(from, file), join(to, file));
  return to;
}

describe('incremental builds', () => {
  it('write byte for byte the site a clean build writes: a day added, a month and a quarter opened, an old seed edited, a seed removed, the output touched', async () => {
    const seeds = join(WORK, 'seeds');
    const lane = join(WORK, 'incremental');
    mkdirSync(seeds, { recursive: true });
    // A small archive over three years, plus the real seed (its own date, 2026-04-01).
    writeSyntheticArchive(seeds, { articles: 90, seed: 11, start: '2024-01-01', end: '2026-03-31' });
    copyFileSync(join(ROOT, 'seeds', '000_3fa1046521e36f31.txt'), join(seeds, '000_3fa1046521e36f31.txt'));
    const first = await build(seeds, lane);
    expect(first.reused, 'a first build reuses nothing').toBe(0);
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

    /** The incremental lane after `change`, and a clean build of the same seeds, side by side. */
    const step = async (name: string, change: () => void): Promise<Built> => {
      change();
      const [incremental] = await Promise.all([
        build(seeds, lane),
        build(snapshotSeeds(seeds, name), join(WORK, name)),
      ]);
      expect(differences(join(lane, 'dist'), join(WORK, name, 'dist')), `${name}: files that differ`).toEqual([]);
      return incremental;
    };

    const added = await step('day-added', () => addSyntheticDay(seeds, { seed: 11, date: '2026-04-02', items: 16 }));
    expect(added.reused, 'pages reused after a day was added').toBeGreaterThan(added.rendered);
    // The folder the last build left is trusted (and checked), not emptied and copied back.
    expect(added.log).toMatch(/as the last build left it/u);
    expect(added.log).toMatch(/Bundle 2024: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(added.log).toMatch(/Bundle 2026-04: \d+ pages? indexed/u);
    // No code changed, so no route's code hash may change between the first build and the next:
    // a route whose hash moves has every page rendered again.
    expect(codeHashes(readManifest(lane)), 'route code hashes after a day was added').toEqual(codeHashes(manifest));

    // A new month: the month that closes keeps its bundle, and nothing older is indexed again. The
    // new issue's items datelined the day before (30 April) join the closed month's bundle.
    const opened = await step('month-opened', () => addSyntheticDay(seeds, { seed: 11, date: '2026-05-01', items: 8 }));
    expect(opened.log).toMatch(/Bundle 2026-q1: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(opened.log).toMatch(/Bundle 2025: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(opened.log).toMatch(/Bundle 2026-05: \d+ pages? indexed/u);
    expect(opened.log).not.toMatch(/Bundle (?!2026-0[45]:)\S+: \d+ pages? indexed/u);

    // A new quarter: the closed quarter's months are indexed again as one bundle, but their pages,
    // which name their month and not their bundle, are not rendered again.
    const quarter = await step('quarter-opened', () =>
      addSyntheticDay(seeds, { seed: 11, date: '2026-07-01', items: 8 }),
    );
    expect(quarter.log).toMatch(/Bundle 2026-q2: \d+ pages? indexed/u);
    expect(quarter.log).toMatch(/Bundle 2026-q1: \d+ pages?, unchanged since the last build \(kept in place\)/u);
    expect(quarter.log).toMatch(/\/articles\/xinhua-2026-04-02-[^ ]*\/index\.html \((?:cached|restored)\)/u);
    expect(quarter.log).not.toMatch(/\/articles\/xinhua-2026-0[45]-[^ ]*\/index\.html \(\+/u);

    const old = readdirSync(seeds).find((name) => name.startsWith('xinhua-2024-'));
    if (!old) throw new Error('the synthetic archive has no seed of 2024');
    const edited = await step('old-seed-edited', () => {
      editSyntheticPage(join(seeds, old));
    });
    expect(edited.reused).toBeGreaterThan(edited.rendered);
    expect(edited.log).toMatch(/Bundle 2024: \d+ pages? indexed/u);
    expect(edited.log).toMatch(/Bundle 2025: \d+ pages?, unchanged since the last build \(kept in place\)/u);

    const gone = readdirSync(seeds).find((name) => name.startsWith('xinhua-2025-'));
    if (!gone) throw new Error('the synthetic archive has no seed of 2025');
    const removed = await step('seed-removed', () => {
      rmSync(join(seeds, gone));
    });
    expect(removed.log).toMatch(/Removed \d+ files? this build no longer writes/u);

    // A page changed by hand in the output folder is not trusted: the folder is emptied and rebuilt.
    const page = join(lane, 'dist', 'archive', 'index.html');
    writeFileSync(page, `${readFileSync(page, 'utf8')}<!-- edited -->`);
    const reference = join(WORK, 'seed-removed', 'dist');
    const touched = await build(seeds, lane);
    expect(touched.log).toMatch(/Emptied .*: it is not what the last successful build/u);
    expect(differences(join(lane, 'dist'), reference), 'after a hand edit: files that differ').toEqual([]);
  }, 240_000);
});
