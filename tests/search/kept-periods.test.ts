/**
 * Closed periods of the phrase index taken from an earlier build: the index must be the one
 * built from scratch, a period whose items changed is made again, and parts kept in files
 * survive between builds and go when no build uses them.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/index.ts';
import { keptPeriods } from '../../src/search/kept-periods.ts';
import {
  buildPhraseIndex,
  filterValues,
  type KeptPeriods,
  type PeriodPart,
  type PhraseIndex,
} from '../../src/search/phrase-build.ts';
import { sortRecords } from '../../src/site/archive.ts';
import { PAGE_FIXTURES, recordsOf, writeFixtureSeeds } from '../helpers/site.ts';

const dir = mkdtempSync(join(tmpdir(), 'xinhua-kept-periods-'));
writeFixtureSeeds(dir, PAGE_FIXTURES);
const records = sortRecords(recordsOf(dir).articles);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** An index as plain data, to compare two builds. */
function plain(index: PhraseIndex) {
  return { ...index, files: [...index.files].map(([path, bytes]) => [path, [...bytes]]) };
}

/** A store in memory that counts what it was asked and given. */
function memory(): KeptPeriods & { hits: number; misses: number; sets: number } {
  const parts = new Map<string, PeriodPart>();
  return {
    hits: 0,
    misses: 0,
    sets: 0,
    get(digest) {
      const part = parts.get(digest);
      if (part) this.hits += 1;
      else this.misses += 1;
      return part;
    },
    set(digest, part) {
      this.sets += 1;
      parts.set(digest, part);
    },
  };
}

/** The records with the headline of the oldest item changed (an edit of a closed period). */
function editedOldest(): ArticleRecord[] {
  const edited = records.map((record) => ({ ...record }));
  const oldest = edited.at(-1);
  if (!oldest) throw new Error('the fixtures have no records');
  oldest.headline = `${oldest.headline}（更正）`;
  return edited;
}

/** The records with a paragraph added to the oldest item (its headline unchanged). */
function bodyEditedOldest(): ArticleRecord[] {
  const edited = records.map((record) => ({ ...record }));
  const oldest = edited.at(-1);
  if (!oldest) throw new Error('the fixtures have no records');
  oldest.sections = [...oldest.sections, { paragraphs: ['本报讯 更正说明。'] }];
  return edited;
}

/** The records with one more item on the newest item's day (a new day's publication, as far as the index goes). */
function withNewItem(): ArticleRecord[] {
  const newest = records[0];
  if (!newest) throw new Error('the fixtures have no records');
  return sortRecords([{ ...newest, id: `${newest.id}-new`, headline: '新增稿件标题' }, ...records]);
}

describe('closed periods kept from an earlier build', () => {
  const scratch = buildPhraseIndex(records, filterValues);
  const closed = scratch.manifest.periods.length - 1;

  it('are there to keep: the fixtures span more than one period', () => {
    expect(closed).toBeGreaterThan(0);
  });

  it('give the index built from scratch', () => {
    const kept = memory();
    expect(plain(buildPhraseIndex(records, filterValues, kept))).toEqual(plain(scratch));
    expect([kept.hits, kept.misses, kept.sets]).toEqual([0, closed, closed]);
    expect(plain(buildPhraseIndex(records, filterValues, kept))).toEqual(plain(scratch));
    expect([kept.hits, kept.misses, kept.sets]).toEqual([closed, closed, closed]);
  });

  it('are made again when one of their items changed: the period alone for its text, the second period too for its headline', () => {
    expect(closed).toBeGreaterThan(1);
    for (const [edit, remade] of [
      [bodyEditedOldest, 1],
      [editedOldest, 2],
    ] as const) {
      const kept = memory();
      buildPhraseIndex(records, filterValues, kept);
      const edited = edit();
      const index = buildPhraseIndex(edited, filterValues, kept);
      expect(plain(index)).toEqual(plain(buildPhraseIndex(edited, filterValues)));
      expect(kept.sets, edit.name).toBe(closed + remade);
    }
  });

  it('are all kept when an item joins the newest period: a new day makes again the newest period alone', () => {
    const kept = memory();
    buildPhraseIndex(records, filterValues, kept);
    const grown = withNewItem();
    const index = buildPhraseIndex(grown, filterValues, kept);
    expect(plain(index)).toEqual(plain(buildPhraseIndex(grown, filterValues)));
    expect(index.manifest.periods.map(([name]) => name)).toEqual(scratch.manifest.periods.map(([name]) => name));
    expect([kept.hits, kept.sets]).toEqual([closed, closed]);
    // Every shard outside the newest period is the same file, byte for byte.
    const olderShards = (built: PhraseIndex) => {
      const newest = `p/${built.manifest.periods[0]?.[0] ?? ''}/`;
      return [...built.files]
        .filter(([path]) => path.startsWith('p/') && !path.startsWith(newest))
        .map(([path, bytes]) => [path, [...bytes]]);
    };
    expect(olderShards(index).length).toBeGreaterThan(0);
    expect(olderShards(index)).toEqual(olderShards(scratch));
  });

  it("on a month's first day make again the month that closed and the period second before it, and keep the others", () => {
    // The fixtures' periods are 2026-04 (open), 2026-q1 (second) and 2025. An item of 1 May
    // opens a month: April closes and becomes the second period, carrying the older headlines,
    // so its part is made; 2026-q1 no longer carries them, so its part is made again; 2025 is kept.
    const newest = records[0];
    if (!newest) throw new Error('the fixtures have no records');
    expect(scratch.manifest.periods.map(([name]) => name)).toEqual(['2026-04', '2026-q1', '2025']);
    const kept = memory();
    buildPhraseIndex(records, filterValues, kept);
    const opened = sortRecords([
      { ...newest, id: `${newest.id}-may`, date: '2026-05-01', headline: '五月稿件' },
      ...records,
    ]);
    const before = { hits: kept.hits, sets: kept.sets };
    const index = buildPhraseIndex(opened, filterValues, kept);
    expect(plain(index)).toEqual(plain(buildPhraseIndex(opened, filterValues)));
    expect(index.manifest.periods.map(([name]) => name)).toEqual(['2026-05', '2026-04', '2026-q1', '2025']);
    expect({ hits: kept.hits - before.hits, sets: kept.sets - before.sets }).toEqual({ hits: 1, sets: 2 });
    const shards = (built: PhraseIndex, period: string) =>
      [...built.files].filter(([path]) => path.startsWith(`p/${period}/`)).map(([path, bytes]) => [path, [...bytes]]);
    expect(shards(index, '2025')).toEqual(shards(scratch, '2025'));
  });

  it("leave the newest period's files to its own items: they are those of an archive of that period alone", () => {
    const [name = '', , count = 0] = scratch.manifest.periods[0] ?? [];
    const alone = buildPhraseIndex(records.slice(0, count), filterValues);
    const shards = (built: PhraseIndex) =>
      [...built.files].filter(([path]) => path.startsWith(`p/${name}/`)).map(([path, bytes]) => [path, [...bytes]]);
    expect(shards(scratch).length).toBeGreaterThan(0);
    expect(shards(scratch)).toEqual(shards(alone));
  });

  it('are kept in files between builds, and those no build used are removed', () => {
    const folder = join(dir, 'cache');
    const first = keptPeriods(folder, 'code-a');
    buildPhraseIndex(records, filterValues, first);
    first.prune();
    expect(readdirSync(join(folder, 'code-a'))).toHaveLength(closed);

    const second = keptPeriods(folder, 'code-a');
    const counted = memory();
    const index = buildPhraseIndex(records, filterValues, {
      get: (digest) => {
        const part = second.get(digest);
        if (part) counted.hits += 1;
        return part;
      },
      set: (digest, part) => {
        second.set(digest, part);
      },
    });
    expect(plain(index)).toEqual(plain(scratch));
    expect(counted.hits).toBe(closed);

    const third = keptPeriods(folder, 'code-a');
    buildPhraseIndex(editedOldest(), filterValues, third);
    third.prune();
    expect(readdirSync(join(folder, 'code-a'))).toHaveLength(closed);

    const otherCode = keptPeriods(folder, 'code-b');
    buildPhraseIndex(records, filterValues, otherCode);
    otherCode.prune();
    expect(existsSync(join(folder, 'code-a'))).toBe(false);
    expect(readdirSync(join(folder, 'code-b'))).toHaveLength(closed);
  });
});
