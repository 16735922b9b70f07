/**
 * The benchmark's baseline: the smallest Astro site that renders the same records, one bare
 * page per record read from a JSON file, indexed afterwards by the Pagefind CLI. It borrows
 * this project's `node_modules` through a symlink, so it runs the same Astro and Pagefind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord } from '../../src/lib/index.ts';

/** What the baseline page of one record shows. */
export interface BaselineRecord {
  /** The record id, used as the URL. */
  id: string;
  /** The headline. */
  headline: string;
  /** Every paragraph and photo caption, in order. */
  paragraphs: string[];
  /** A digest of the above, the page's incremental-build cache key. */
  digest: string;
}

/** Reduces article records to what the baseline page prints. */
export function baselineRecords(records: readonly ArticleRecord[]): BaselineRecord[] {
  return records.map((record) => {
    const paragraphs = [...record.sections.flatMap((s) => s.paragraphs), ...record.photos.map((p) => p.caption)];
    const digest = createHash('sha256')
      .update(JSON.stringify([record.headline, paragraphs]))
      .digest('hex');
    return { id: record.id, headline: record.headline, paragraphs, digest };
  });
}

/** The site's only route: one page per record, with `cacheKey` for Astro's incremental builds. */
function pageSource(recordsFile: string): string {
  return `---
import { readFileSync } from 'node:fs';

export function getStaticPaths() {
  const records = JSON.parse(readFileSync(${JSON.stringify(recordsFile)}, 'utf8'));
  return records.map((record) => ({ params: { id: record.id }, props: { record }, cacheKey: record.digest }));
}

const { record } = Astro.props;
---

<html lang="zh-cn">
  <head><meta charset="utf-8" /><title>{record.headline}</title></head>
  <body>
    <main data-pagefind-body>
      <h1>{record.headline}</h1>
      {record.paragraphs.map((paragraph) => <p>{paragraph}</p>)}
    </main>
  </body>
</html>
`;
}

/** Astro config of the baseline; caches stay inside its folder, never in the shared node_modules. */
const CONFIG = `export default {
  cacheDir: './.astro-cache',
  vite: { cacheDir: './.vite-cache' },
  build: { format: 'directory' },
  experimental: { incrementalBuild: process.env.BENCH_INCREMENTAL === '1' },
};
`;

/**
 * Writes the baseline site into `dir` (replacing it): package.json, astro.config.mjs,
 * src/pages/[id].astro, records.json and a `node_modules` symlink to `nodeModules`.
 * Returns the path of records.json, which `writeBaselineRecords` rewrites.
 */
export function writeBaselineSite(dir: string, nodeModules: string, records: readonly BaselineRecord[]): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  symlinkSync(nodeModules, join(dir, 'node_modules'), 'dir');
  const recordsFile = join(dir, 'records.json');
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' })}\n`,
  );
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src', 'pages', '[id].astro'), pageSource(recordsFile));
  writeBaselineRecords(recordsFile, records);
  return recordsFile;
}

/** Writes the records the baseline renders. */
export function writeBaselineRecords(file: string, records: readonly BaselineRecord[]): void {
  writeFileSync(file, JSON.stringify(records));
}
