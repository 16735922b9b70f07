import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { parseSeeds, type ArticleRecord, type ParseResult } from '../../src/lib/index.ts';
import { issuesOf, pagePlaces } from '../../src/site/archive.ts';
import { fixtureCases } from './fixtures.ts';

/** The project root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The three printed pages of the fixtures: the real seed and two other pages. */
export const PAGE_FIXTURES = ['real-seed', 'spring-farming', 'international', 'earlier-year'];

/**
 * Copies fixture seeds into `dir`: each case's `seed.txt` under its case file name, and any other
 * `.txt` beside it (a second seed of the case) under its own name. All cases by default.
 */
export function writeFixtureSeeds(dir: string, names?: readonly string[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const fixture of fixtureCases().filter((c) => !names || names.includes(c.name))) {
    copyFileSync(join(fixture.dir, 'seed.txt'), join(dir, fixture.input.file));
    for (const extra of readdirSync(fixture.dir).filter((name) => name.endsWith('.txt') && name !== 'seed.txt')) {
      copyFileSync(join(fixture.dir, extra), join(dir, extra));
    }
  }
}

/** The records the loader makes of a seeds folder (same parser, same merge). */
export function recordsOf(seedsDir: string): ParseResult {
  return parseSeeds(
    readdirSync(seedsDir)
      .sort()
      .map((name) => ({ file: name, content: readFileSync(join(seedsDir, name)) })),
  );
}

/** Builds the site from `seedsDir` into `outDir` with `astro build`; throws with its output on failure. */
export function buildSite(seedsDir: string, outDir: string, env: Record<string, string> = {}): string {
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    // Test builds are local previews: they say so with SITE_URL rather than rely on the default.
    env: {
      ...process.env,
      SITE_URL: 'http://localhost:4321',
      SEEDS_DIR: relative(ROOT, seedsDir),
      ASTRO_CACHE_DIR: join(outDir, '..', 'cache'),
      ...env,
    },
  });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
  // Without colour codes, which Astro prints when the environment forces colour (as CI may).
  return stripVTControlCharacters(run.stdout + run.stderr);
}

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The site path of a seed's printed page: `/yyyy/mm/dd/NN/` in its issue, `/pages/<seed id>/` when it has no date. */
export function printedPagePath(records: readonly ArticleRecord[], seedId: string): string {
  const place = pagePlaces(issuesOf(records)).get(seedId);
  const page = place?.issue.pages[place.index];
  return page ? `/${page.date.replaceAll('-', '/')}/${page.slug}/` : `/pages/${seedId}/`;
}
