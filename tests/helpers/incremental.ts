/**
 * Incremental builds beside clean builds of the same seeds: a lane (one output folder and one
 * cache folder, built again and again) and the means to compare its output with a clean build's,
 * byte for byte. Shared by the identity tests of `npm test` and of the end-to-end suite.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { expect } from 'vitest';
import { SOURCE_SEED, writeSyntheticArchive } from '../../scripts/lib/synthetic.ts';
import { ROOT } from './site.ts';

/** What `astro build` printed, and how many pages it reused and rendered. */
export interface Built {
  /** The build's output, without colour codes. */
  log: string;
  /** Pages reused from the cache or the kept output folder. */
  reused: number;
  /** Pages rendered. */
  rendered: number;
}

/** Builds `seeds` into `<lane>/dist` with the cache folder `<lane>/cache`. */
export function build(seeds: string, lane: string): Promise<Built> {
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
    // Decoded as streams, so a character split between two chunks is not broken.
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      // Without colour codes, which Astro prints when the environment forces colour (as CI may).
      const log = stripVTControlCharacters(output);
      if (code !== 0) {
        reject(new Error(`astro build failed (${String(code)}):\n${log}`));
        return;
      }
      const reused = (log.match(/\((?:cached|restored)\)/gu) ?? []).length;
      const rendered = (log.match(/ ├─ .*\(\+\d/gu) ?? []).length;
      resolve({ log, reused, rendered });
    });
  });
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
export function differences(a: string, b: string): string[] {
  const left = files(a);
  const right = files(b);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths.filter((path) => {
    const x = left.get(path);
    const y = right.get(path);
    return !x || !y || !x.equals(y);
  });
}

/** A copy of the seeds folder `from` as it is now, in `to`, for the clean build of that state. */
function snapshotSeeds(from: string, to: string): string {
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from)) copyFileSync(join(from, file), join(to, file));
  return to;
}

/** The folders of an incremental lane. */
export interface Lane {
  /** The work folder, where each step's clean build gets a folder of its own. */
  work: string;
  /** The seeds the lane builds, changed step by step. */
  seeds: string;
  /** The lane's own folder: `dist/` and `cache/`, kept from build to build. */
  lane: string;
}

/**
 * Changes the seeds with `change`, then builds them again in the lane and, side by side, in a
 * clean lane `<work>/<name>` of their own; expects both outputs to be the same bytes and returns
 * the incremental build.
 */
export async function step({ work, seeds, lane }: Lane, name: string, change: () => void): Promise<Built> {
  change();
  const [incremental] = await Promise.all([
    build(seeds, lane),
    build(snapshotSeeds(seeds, join(work, `seeds-${name}`)), join(work, name)),
  ]);
  expect(differences(join(lane, 'dist'), join(work, name, 'dist')), `${name}: files that differ`).toEqual([]);
  return incremental;
}

/**
 * Starts a lane in `work`: a small synthetic archive over three years (2024-01-01 – 2026-03-31,
 * `articles` items from generator seed `seed`) plus the real seed, whose date 2026-04-01 makes
 * April the open month, built once. Expects that first build to reuse nothing.
 */
export async function startLane(work: string, archive: { articles: number; seed: number }): Promise<Lane> {
  const folders = { work, seeds: join(work, 'seeds'), lane: join(work, 'incremental') };
  mkdirSync(folders.seeds, { recursive: true });
  writeSyntheticArchive(folders.seeds, { ...archive, start: '2024-01-01', end: '2026-03-31' });
  copyFileSync(SOURCE_SEED, join(folders.seeds, basename(SOURCE_SEED)));
  const first = await build(folders.seeds, folders.lane);
  expect(first.reused, 'a first build reuses nothing').toBe(0);
  return folders;
}
