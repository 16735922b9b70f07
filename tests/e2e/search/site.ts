/**
 * The site the search tests run against: the three printed-page fixtures built with
 * `astro build` (Pagefind index included), served on localhost, and Debian's Chromium.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';
import type { ArticleRecord } from '../../../src/lib/index.ts';
import { buildSite, PAGE_FIXTURES, recordsOf, writeFixtureSeeds } from '../../helpers/site.ts';

/** A built and served fixture site with a browser. */
export interface SearchSite {
  /** The built site. */
  dist: string;
  /** The records it was built from. */
  records: ArticleRecord[];
  /** The server. */
  server: StaticServer;
  /** Chromium. */
  browser: Browser;
  /** Stops the browser and the server and removes the build. */
  close: () => Promise<void>;
}

/** Builds the three printed-page fixtures into a temporary folder, serves them and starts Chromium. */
export async function openSearchSite(): Promise<SearchSite> {
  const root = mkdtempSync(join(tmpdir(), 'xinhua-search-'));
  const seeds = join(root, 'seeds');
  const dist = join(root, 'dist');
  writeFixtureSeeds(seeds, PAGE_FIXTURES);
  buildSite(seeds, dist);
  const { articles } = recordsOf(seeds);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  return {
    dist,
    records: articles,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export { searchPage } from '../../../scripts/lib/search-quality.ts';

/** The site's own scripts a built page loads: module scripts and their imports, static (`initial`) or on demand (`lazy`). */
export function scriptsOf(dist: string, htmlFile: string): { initial: string[]; lazy: string[] } {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, onDemand: boolean): void => {
    const seen = initial.has(file) || (onDemand && lazy.has(file));
    if (seen) return;
    (onDemand ? lazy : initial).add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/gu)) {
      visit(join(dirname(file), match[1] ?? ''), onDemand);
    }
    for (const match of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/gu)) {
      visit(join(dirname(file), match[1] ?? ''), true);
    }
  };
  for (const match of html.matchAll(/<script[^>]*\bsrc="\/(_astro\/[^"]+\.js)"/gu)) visit(match[1] ?? '', false);
  for (const file of initial) lazy.delete(file);
  return { initial: [...initial], lazy: [...lazy] };
}

/** The gzipped size of built files, in bytes. */
export function gzipSize(dist: string, files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
}
