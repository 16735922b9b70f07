/**
 * The size of the archive GitHub Pages takes, computed from the files' paths and sizes, is the
 * size of the tar archive GNU tar writes of the same folder, the way the Pages upload action runs it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveBytes } from '../../src/integrations/byte-size.ts';

const root = mkdtempSync(join(tmpdir(), 'xinhua-archive-bytes-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes `files` (path → size) into a fresh folder under the test's root and returns it. */
function folderWith(name: string, files: Record<string, number>): string {
  const dir = join(root, name);
  for (const [path, size] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), Buffer.alloc(size, 0x61));
  }
  return dir;
}

/** The files under `dir`, as the build's survey lists them. */
function survey(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(dir, path).split(sep).join('/'), size: statSync(path).size };
    });
}

/** The size of the archive `tar` writes of `dir`, with the Pages upload action's options (and a blocking factor, if given). */
function tarBytes(dir: string, blockingFactor?: number): number {
  const archive = join(root, `${relative(root, dir)}.tar`);
  execFileSync('tar', [
    ...(blockingFactor === undefined ? [] : [`--blocking-factor=${blockingFactor}`]),
    '--dereference',
    '--hard-dereference',
    '--directory',
    dir,
    '-cf',
    archive,
    '--exclude=.git',
    '--exclude=.github',
    '.',
  ]);
  return statSync(archive).size;
}

describe('archiveBytes', () => {
  it('is the size of the tar archive of a site folder, long and CJK names included', () => {
    const long = '很长的目录名'.repeat(8); // 144 bytes of UTF-8: a GNU long-name entry
    const dir = folderWith('site', {
      'index.html': 0,
      'a.txt': 1,
      'b.txt': 511,
      'c.txt': 512,
      'd.txt': 513,
      'reporters/李诺诺/5/index.html': 5000,
      [`places/${long}/index.html`]: 20_000,
      [`${'x'.repeat(93)}.html`]: 3, // "./" and 98 characters: 100 bytes, the longest short name
      [`${'y'.repeat(94)}.html`]: 3, // 101 bytes
      [`${'z'.repeat(200)}/${'v'.repeat(200)}/${'w'.repeat(108)}`]: 7, // "./" and 510: 512 bytes, two blocks with the NUL
      ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`articles/${i}/index.html`, 900 + i])),
    });
    expect(archiveBytes(survey(dir))).toBe(tarBytes(dir));
    // Block for block, with no record padding to hide a miscount.
    expect(archiveBytes(survey(dir), 1)).toBe(tarBytes(dir, 1));
  });

  it('counts an empty folder list as the archive of `./` alone', () => {
    const dir = folderWith('empty', {});
    mkdirSync(dir, { recursive: true });
    expect(archiveBytes([])).toBe(tarBytes(dir));
  });
});
