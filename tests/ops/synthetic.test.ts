import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSeeds, type ParseResult } from '../../src/lib/index.ts';
import {
  addSyntheticPage,
  editSyntheticPage,
  mulberry32,
  readMaterial,
  writeSyntheticArchive,
} from '../../scripts/lib/synthetic.ts';

/** Temporary folders made by the tests, removed at the end. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder. */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
  made.push(dir);
  return dir;
}

/** Every file of a folder, by name, as bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name))]),
  );
}

/** Parses a folder of seeds the way the loader does. */
function parseDir(dir: string): ParseResult {
  return parseSeeds([...filesOf(dir)].map(([file, content]) => ({ file, content })));
}

describe('synthetic archive', () => {
  it('mulberry32 repeats its sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('takes its material from the real seed', () => {
    const material = readMaterial();
    expect(material.paragraphs.length).toBeGreaterThan(50);
    expect(material.names).toContain('胡喆');
    expect(material.places).toContain('北京');
    expect(material.phrases).toContain('科技创新实现新突破');
  });

  it('writes byte-identical files for the same count and seed, other files for another seed', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const written = writeSyntheticArchive(a, { articles: 200, seed: 7 });
    writeSyntheticArchive(b, { articles: 200, seed: 7 });
    writeSyntheticArchive(c, { articles: 200, seed: 8 });
    expect(filesOf(b)).toEqual(filesOf(a));
    expect(filesOf(c)).not.toEqual(filesOf(a));
    expect(written.files).toEqual([...filesOf(a).keys()]);
    expect(written.files[0]).toBe('xinhua-2024-01-01-01.txt');
  });

  it('parses into exactly N records with no diagnostics, spread over pages, days, reporters and places', () => {
    const dir = tempDir();
    const written = writeSyntheticArchive(dir, { articles: 200, seed: 3 });
    const { articles, diagnostics } = parseDir(dir);
    expect(diagnostics).toEqual([]);
    expect(articles).toHaveLength(200);
    expect(written.articles).toBe(200);
    expect(written.days).toBeGreaterThanOrEqual(2);
    const perSeed = new Map<string, number>();
    for (const record of articles) perSeed.set(record.seed, (perSeed.get(record.seed) ?? 0) + 1);
    const counts = [...perSeed.values()].slice(0, -1);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...counts)).toBeLessThanOrEqual(10);
    expect(
      articles.every((r) => (r.yearSource ?? r.dateSource) === 'front-matter' && r.issue.page && r.issue.section),
    ).toBe(true);
    expect(new Set(articles.flatMap((r) => r.byline?.names ?? [])).size).toBeGreaterThan(20);
    expect(new Set(articles.flatMap((r) => r.dateline?.place ?? [])).size).toBeGreaterThan(5);
    expect(new Set(articles.map((r) => r.dateline?.position ?? r.kind))).toEqual(new Set(['lead', 'end', 'photo']));
  });

  it('an edited and an added page still parse cleanly', () => {
    const dir = tempDir();
    const written = writeSyntheticArchive(dir, { articles: 30, seed: 5 });
    editSyntheticPage(join(dir, written.files[0] ?? ''));
    const added = addSyntheticPage(dir, { seed: 5, date: '2024-02-01' });
    expect(added).toBe('xinhua-2024-02-01-01.txt');
    const { articles, diagnostics } = parseDir(dir);
    expect(diagnostics).toEqual([]);
    expect(articles).toHaveLength(38);
    expect(articles.some((r) => r.sections.some((s) => s.paragraphs.some((p) => p.includes('（本段已更正。）'))))).toBe(
      true,
    );
  });
});
