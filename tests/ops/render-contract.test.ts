import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

/**
 * The contract that keeps incremental builds from going stale, checked in the source: pages
 * reused by their cacheKey must render nothing but their props, so no component or layout reads
 * the collection, and a dynamic route reads it only in getStaticPaths, whose entries it keys.
 */
const READS = /\b(?:allRecords|getCollection|getEntry|getEntries)\s*\(|from\s+'astro:content'|site\/collection\.ts'/u;

/** Source files under a folder of src/, relative to the project. */
function sources(folder: string, suffixes: readonly string[]): string[] {
  return readdirSync(join(ROOT, 'src', folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => suffixes.some((suffix) => file.endsWith(suffix)))
    .map((file) => relative(ROOT, join(ROOT, 'src', folder, file)))
    .sort();
}

/** The text of `export … getStaticPaths …` up to the end of its body (brackets balanced). */
function getStaticPathsSpan(text: string): [number, number] | undefined {
  const start = text.search(/export\s+(?:async\s+function|const)\s+getStaticPaths\b/u);
  if (start < 0) return undefined;
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return [start, at + 1];
    } else if (char === ';' && depth === 0) return [start, at + 1];
  }
  return undefined;
}

describe('the rendering contract of incremental builds', () => {
  it('no component or layout reads the collection', () => {
    const readers = [...sources('components', ['.astro', '.ts']), ...sources('layouts', ['.astro', '.ts'])].filter(
      (file) => READS.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    expect(readers).toEqual([]);
  });

  it('no module of a page imports astro:config/server', () => {
    // That module imports Astro's build manifest, which imports every page: a route importing it
    // would have its code hash cover every page's code, so an edit to any template (or a first
    // build against the next) would render all its pages again, the phrase index's shards included.
    const importers = ['pages', 'components', 'layouts', 'site', 'search', 'lib']
      .flatMap((folder) => sources(folder, ['.astro', '.ts']))
      .filter((file) => /['"]astro:config\/server['"]/u.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(importers).toEqual([]);
  });

  const routes = sources('pages', ['.astro', '.ts']).filter((file) => file.includes('['));
  it('finds the dynamic routes', () => {
    expect(routes).toContain('src/pages/articles/[id].astro');
    expect(routes).toContain('src/pages/reporters/[name]/[...page].astro');
  });

  for (const route of routes) {
    it(`${route} reads the collection only in getStaticPaths, and keys its entries`, () => {
      const text = readFileSync(join(ROOT, route), 'utf8');
      const span = getStaticPathsSpan(text);
      expect(span, 'an exported getStaticPaths').toBeDefined();
      const [start, end] = span ?? [0, 0];
      const inside = text.slice(start, end);
      const outside = text.slice(0, start) + text.slice(end);
      expect(inside).toMatch(/\b(?:keyed|groupPaths)\(/u);
      expect(outside.match(/\b(?:allRecords|getCollection|getEntry|getEntries)\s*\(/gu) ?? []).toEqual([]);
    });
  }
});
