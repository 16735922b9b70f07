import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { indexBundle, IndexingError } from '../../src/integrations/index-bundle.ts';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';
import { folderWith, removeFolders } from '../helpers/temp-folder.ts';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** An article page of `month` that Pagefind indexes. */
const article = (month: string, title: string) =>
  `<html lang="zh-CN"><body><article data-pagefind-body data-search-month="${month}"><h1>${title}</h1><p>京津冀协同发展。</p></article></body></html>`;

afterEach(removeFolders);

/** A built site of `files` (path → HTML) in a temporary folder. */
const siteWith = (files: Record<string, string>) => folderWith('xinhua-index-bundle-', files);

/** Runs the integration's hook on `dir` with the real Pagefind; resolves with what it logged. */
async function runHook(dir: string): Promise<string[]> {
  const hook = pagefindIndex().hooks['astro:build:done'];
  if (!hook) throw new Error('the integration has no astro:build:done hook');
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line), error: () => 0 };
  await hook({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]);
  return lines;
}

/** The pages a written bundle holds, as its entry file says. */
function pageCount(bundle: string): number | undefined {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return entry.languages['zh-cn']?.page_count;
}

describe("indexing each bundle with Pagefind's indexer", () => {
  it('writes every bundle in Chinese and leaves no staging folder behind', async () => {
    const site = siteWith({
      'articles/a/index.html': article('2025-06', '科技创新'),
      'articles/b/index.html': article('2026-11', '春耕备耕'),
    });
    const lines = await runHook(site);
    expect(lines).toContain('Bundle 2025: 1 page indexed');
    expect(lines).toContain('Bundle 2026-11: 1 page indexed');
    for (const bundle of ['2025', '2026-11']) {
      expect(pageCount(join(site, 'pagefind', bundle)), bundle).toBe(1);
    }
    expect(readdirSync(site).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('fails, naming the page Pagefind skipped, when a bundle does not hold every page', async () => {
    const site = siteWith({
      'articles/a/index.html': article('2025-06', '科技创新'),
      // No <html> element: Pagefind skips the page with a warning.
      'articles/b/index.html':
        '<body><article data-pagefind-body data-search-month="2025-06"><h1>题</h1></article></body>',
    });
    const error: unknown = await runHook(site).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AstroError);
    const { message, hint } = error as AstroError;
    expect(message).toMatch(/Pagefind indexed 1 of the 2 pages/u);
    expect(message).toMatch(/without an <html> element/u);
    expect(hint).toMatch(/<html> element/u);
    expect(
      readdirSync(site).filter((name) => name.startsWith('.')),
      'staging folder',
    ).toEqual([]);
  }, 60_000);

  it("fails with Pagefind's own words when Pagefind cannot write the bundle", async () => {
    const site = siteWith({ 'articles/a/index.html': article('2025-06', '科技创新'), blocked: 'a file' });
    const job = {
      site,
      pages: ['articles/a/index.html'],
      stage: join(site, '.stage'),
      outputPath: join(site, 'blocked', 'bundle'),
    };
    const error: unknown = await indexBundle(job).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(IndexingError);
    expect((error as IndexingError).message).toMatch(/^Pagefind ended with exit code \d+: .*Not a directory/su);
    expect((error as IndexingError).hint).toMatch(/build again/iu);
    expect(existsSync(job.stage), 'staging folder').toBe(false);
  }, 60_000);

  it('fails as an AstroError with a hint when the pages cannot be staged', async () => {
    const site = siteWith({ 'articles/c/index.html': article('2025-06', '题') });
    // A file where the bundle's pages are staged, so they cannot be.
    writeFileSync(join(site, '.pagefind-2025-06'), 'not a folder');
    const error: unknown = await runHook(site).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toMatch(/could not be staged in .*\.pagefind-2025-06/u);
    expect((error as AstroError).hint).toMatch(/build again/u);
  }, 60_000);

  it('stops the indexer when its build stops it, and leaves no staging folder', async () => {
    const site = siteWith(
      Object.fromEntries(
        Array.from({ length: 400 }, (_, i) => [
          `articles/${String(i)}/index.html`,
          article('2025-06', `第${String(i)}篇`),
        ]),
      ),
    );
    const stop = new AbortController();
    const job = {
      site,
      pages: Array.from({ length: 400 }, (_, i) => `articles/${String(i)}/index.html`),
      stage: join(site, '.stage'),
      outputPath: join(site, 'bundle'),
      signal: stop.signal,
    };
    const running = indexBundle(job);
    setImmediate(() => {
      stop.abort();
    });
    await expect(running).rejects.toThrow(/Indexing was stopped/u);
    expect(existsSync(join(site, 'bundle', 'pagefind-entry.json')), 'a bundle written after the stop').toBe(false);
    expect(existsSync(job.stage), 'staging folder').toBe(false);
  }, 60_000);

  it('fails as an AstroError with a hint when no built page marks content to index', async () => {
    const site = siteWith({ 'index.html': '<html lang="zh-CN"><body><h1>首页</h1></body></html>' });
    const error: unknown = await runHook(site).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AstroError);
    const { message, hint } = error as AstroError;
    expect(message).toMatch(/no pages to index/u);
    expect(hint).toMatch(/data-pagefind-body/u);
  });
});
