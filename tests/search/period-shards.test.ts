/**
 * A period's phrase shards travel as one pack and are written out after the build: the pack
 * round-trips any files exactly, refuses names that could leave its folder and bytes that are not
 * a whole pack, and the writer rewrites a period's folder only when its pack changed or the
 * folder is not as it was left, removing the folders of periods that are gone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { writePeriodShards } from '../../src/integrations/period-shards.ts';
import { packFiles, unpackFiles, type PackedFile } from '../../src/search/file-pack.ts';
import { periodPackPath, periodShardPath } from '../../src/search/phrase-codec.ts';
import { folderWith, removeFolders } from '../helpers/temp-folder.ts';

afterEach(removeFolders);

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('packFiles and unpackFiles', () => {
  it('give back the same names and bytes in the same order, empty files included', () => {
    const name = fc.stringMatching(/^[a-z0-9一-龥]{1,8}(\.bin)?$/u);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, fc.uint8Array({ maxLength: 64 })), { selector: ([n]) => n }),
        (files) => {
          const back = unpackFiles(packFiles(files));
          expect(back.map(([n, b]) => [n, [...b]])).toEqual(files.map(([n, b]) => [n, [...b]]));
        },
      ),
    );
  });

  it('refuse a name that is absolute, climbs out, is empty or comes twice', () => {
    for (const bad of ['/etc/passwd', '../up.bin', 'a/../../b', '', 'a//b', 'a\\b']) {
      expect(() => packFiles([[bad, bytes('x')]]), bad).toThrow(/relative paths/u);
    }
    expect(() =>
      packFiles([
        ['0.bin', bytes('a')],
        ['0.bin', bytes('b')],
      ]),
    ).toThrow(/twice/u);
  });

  it('refuse bytes that are not a whole pack', () => {
    const pack = packFiles([
      ['0.bin', bytes('abc')],
      ['1.bin', bytes('de')],
    ]);
    expect(() => unpackFiles(bytes('hello'))).toThrow(/Not a pack/u);
    expect(() => unpackFiles(pack.subarray(0, pack.length - 1))).toThrow(/Not a whole pack/u);
    const longer = new Uint8Array(pack.length + 1);
    longer.set(pack);
    expect(() => unpackFiles(longer)).toThrow(/Not a whole pack/u);
    expect(() => unpackFiles(bytes('xinhua-pack 1\n[["../x",1]]\nx'))).toThrow(/relative names/u);
  });
});

/** An index folder holding packs of the given periods (period → shard texts). */
function indexWith(periods: Record<string, string[]>): string {
  const folder = folderWith('xinhua-period-shards-', {});
  writePacks(folder, periods);
  return folder;
}

function writePacks(folder: string, periods: Record<string, string[]>): void {
  for (const [period, shards] of Object.entries(periods)) {
    const file = join(folder, periodPackPath(period));
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, packFiles(shards.map((shard, i): PackedFile => [`${i}.bin`, bytes(shard)])));
  }
}

const shardText = (folder: string, period: string, shard: number) =>
  text(readFileSync(join(folder, periodShardPath(period, shard))));

describe('writePeriodShards', () => {
  it("writes each period's shards into its own folder", () => {
    const folder = indexWith({ '2025': ['a', 'b'], '2026-11': ['c', '', 'e', 'f'] });
    const result = writePeriodShards(folder, {});
    expect(result.written.sort()).toEqual(['2025', '2026-11']);
    expect(result.files).toBe(6);
    expect(shardText(folder, '2025', 1)).toBe('b');
    expect(shardText(folder, '2026-11', 1)).toBe('');
    expect(readdirSync(join(folder, 'p', '2026-11')).sort()).toEqual(['0.bin', '1.bin', '2.bin', '3.bin']);
  });

  it('leaves a period whose pack it wrote out before, and rewrites the one whose pack changed', () => {
    const folder = indexWith({ '2025': ['a', 'b'], '2026-11': ['c', 'd'] });
    const first = writePeriodShards(folder, {});
    writePacks(folder, { '2026-11': ['c', 'd2', 'e', 'f'] });
    const second = writePeriodShards(folder, first.packs);
    expect(second.kept).toEqual(['2025']);
    expect(second.written).toEqual(['2026-11']);
    expect(shardText(folder, '2026-11', 1)).toBe('d2');
    expect(readdirSync(join(folder, 'p', '2026-11'))).toHaveLength(4);
  });

  it('writes a period again when its folder is gone or holds other files, whatever the record says', () => {
    const folder = indexWith({ '2025': ['a', 'b'] });
    const { packs } = writePeriodShards(folder, {});
    writeFileSync(join(folder, 'p', '2025', '7.bin'), 'stray');
    expect(writePeriodShards(folder, packs).written).toEqual(['2025']);
    expect(readdirSync(join(folder, 'p', '2025')).sort()).toEqual(['0.bin', '1.bin']);
    const emptied = indexWith({ '2025': ['a', 'b'] });
    expect(writePeriodShards(emptied, packs).written).toEqual(['2025']);
    expect(shardText(emptied, '2025', 0)).toBe('a');
  });

  it('removes the folders of periods that have no pack any more, and writes nothing with no packs', () => {
    const folder = indexWith({ '2026-q3': ['a'], '2026-09': ['b'] });
    const { packs } = writePeriodShards(folder, {});
    const next = folderWith('xinhua-period-shards-', {});
    mkdirSync(join(next, 'p', '2026-09'), { recursive: true });
    writeFileSync(join(next, 'p', '2026-09', '0.bin'), 'b');
    writePacks(next, { '2026-q3': ['a'] });
    writePeriodShards(next, packs);
    expect(readdirSync(join(next, 'p'))).toEqual(['2026-q3']);
    const none = folderWith('xinhua-period-shards-', {});
    expect(writePeriodShards(none, packs)).toEqual({ packs: {}, written: [], kept: [], files: 0 });
    expect(existsSync(join(none, 'p'))).toBe(false);
  });

  it('refuses a pack whose shards are not plain files of the folder, before it touches the folder', () => {
    const folder = indexWith({ '2025': ['a'] });
    writePeriodShards(folder, {});
    const file = join(folder, periodPackPath('2025'));
    writeFileSync(file, packFiles([['x/0.bin', bytes('a')]]));
    expect(() => writePeriodShards(folder, {})).toThrow(/files of its folder/u);
    expect(shardText(folder, '2025', 0)).toBe('a');
  });
});
