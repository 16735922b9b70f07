import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../src/lib/index.ts';
import { FIXTURES, fixtureCases, realSeed } from '../helpers/fixtures.ts';

// Golden files are reviewed by hand; regenerate one only with UPDATE=1 and read the diff.
const update = process.env.UPDATE === '1';

describe('golden fixtures', () => {
  it('the real-seed fixture is the committed seed, byte for byte', () => {
    const fixture = fixtureCases().find((c) => c.name === 'real-seed');
    expect(fixture?.input.content).toEqual(realSeed().content);
  });

  it('every fixture folder has its seed.txt', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.filter((entry) => !existsSync(join(FIXTURES, entry.name, 'seed.txt'))).map((e) => e.name)).toEqual(
      [],
    );
  });

  for (const fixture of fixtureCases()) {
    const expectedPath = join(fixture.dir, 'expected.json');
    it(`${fixture.name}: records and diagnostics match expected.json`, () => {
      const actual = parseSeed(fixture.input);
      if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(
        existsSync(expectedPath),
        `${expectedPath} is missing: write it with UPDATE=1, then read every line before committing it`,
      ).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
