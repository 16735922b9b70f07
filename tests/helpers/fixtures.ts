import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeedInput } from '../../src/lib/index.ts';

/** The folder of fixture cases: `tests/fixtures/<case>/{seed.txt, expected.json, case.json}`. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A fixture case: its folder name and the seed as the parser sees it. */
export interface FixtureCase {
  /** Folder name. */
  name: string;
  /** Folder path. */
  dir: string;
  /** The seed, under the file name `case.json` gives (default `seed.txt`). */
  input: SeedInput & { content: Uint8Array };
}

/** Every fixture case with a `seed.txt`, sorted by name. */
export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES)
    .filter((name) => existsSync(join(FIXTURES, name, 'seed.txt')))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, name);
      const meta = existsSync(join(dir, 'case.json'))
        ? (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { file?: string })
        : {};
      return { name, dir, input: { file: meta.file ?? 'seed.txt', content: readFileSync(join(dir, 'seed.txt')) } };
    });
}

/** The real seed page, as committed in `seeds/`. */
export const REAL_SEED_FILE = '000_3fa1046521e36f31.txt';

/** Reads the real seed's bytes. */
export function realSeed(): SeedInput & { content: Uint8Array } {
  return {
    file: REAL_SEED_FILE,
    content: readFileSync(join(import.meta.dirname, '..', '..', 'seeds', REAL_SEED_FILE)),
  };
}
