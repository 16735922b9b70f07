import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { indexBundle, IndexingError, pageGlob } from '../../src/integrations/index-bundle.ts';
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
  it('writes every bundle in Chinese and leaves nothing in the site but the bundles', async () => {
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
    expect(readdirSync(site).sort()).toEqual(['articles', 'pagefind']);
  }, 60_000);

  it('indexes exactly the pages of the bundle, with their paths in the site, whatever characters the paths hold', async () => {
    const pages = ['articles/a,b{c}[d]/index.html', 'articles/e*f?g$h:i/index.html', 'places/黑龙江 (省)/index.html'];
    const site = siteWith({
      ...Object.fromEntries(pages.map((page, i) => [page, article('2025-06', `第${String(i)}篇`)])),
      // Pages of the site that are not the bundle's, one of them matched by a glob that read
      // the names above as patterns (`e*f?g…`).
      'articles/e-f-g$h:i/index.html': article('2025-06', '另一篇'),
      'articles/other/index.html': article('2025-06', '又一篇'),
    });
    const outputPath = join(site, 'pagefind', '2025');
    expect(await indexBundle({ site, pages, outputPath })).toBe('');
    expect(pageCount(outputPath)).toBe(3);
    const fragments = readdirSync(join(outputPath, 'fragment')).map((file) =>
      gunzipSync(readFileSync(join(outputPath, 'fragment', file))).toString('utf8'),
    );
    const urls = fragments.map((text) => (JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string }).url);
    expect(urls.map((url) => decodeURIComponent(url)).sort()).toEqual([
      '/articles/a,b{c}[d]/',
      '/articles/e*f?g$h:i/',
      '/places/黑龙江 (省)/',
    ]);
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
  }, 60_000);

  it('indexes the pages it names whatever PAGEFIND_ variables the environment holds', async () => {
    const site = siteWith({
      'articles/a/index.html': article('2025-06', '科技创新'),
      'articles/b/index.html': article('2025-06', '春耕备耕'),
    });
    const outputPath = join(site, 'pagefind', '2025');
    process.env.PAGEFIND_GLOB = 'articles/b/index.html';
    process.env.PAGEFIND_ROOT_SELECTOR = 'h1';
    try {
      await indexBundle({ site, pages: ['articles/a/index.html', 'articles/b/index.html'], outputPath });
    } finally {
      delete process.env.PAGEFIND_GLOB;
      delete process.env.PAGEFIND_ROOT_SELECTOR;
    }
    expect(pageCount(outputPath)).toBe(2);
  }, 60_000);

  it("fails with Pagefind's own words when Pagefind cannot write the bundle", async () => {
    const site = siteWith({ 'articles/a/index.html': article('2025-06', '科技创新'), blocked: 'a file' });
    const job = { site, pages: ['articles/a/index.html'], outputPath: join(site, 'blocked', 'bundle') };
    const error: unknown = await indexBundle(job).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(IndexingError);
    expect((error as IndexingError).message).toMatch(/^Pagefind ended with exit code \d+: .*Not a directory/su);
    expect((error as IndexingError).hint).toMatch(/build again/iu);
  }, 60_000);

  it('fails as an AstroError with a hint when a page of a bundle has a path a glob cannot name', async () => {
    const site = siteWith({ 'articles/a\\b/index.html': article('2025-06', '题') });
    const error: unknown = await runHook(site).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toMatch(/cannot be told to index articles\/a\\b\/index\.html/u);
    expect((error as AstroError).hint).toMatch(/no backslash/u);
    expect(existsSync(join(site, 'pagefind', '2025')), 'a bundle of the page').toBe(false);
  });

  it('stops the indexer when its build stops it, and removes its configuration at once', async () => {
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
      outputPath: join(site, 'bundle'),
      signal: stop.signal,
      workRoot: folderWith('xinhua-index-work-', {}),
    };
    const running = indexBundle(job);
    expect(readdirSync(job.workRoot), 'the configuration while Pagefind runs').toHaveLength(1);
    let left: string[] = [];
    setImmediate(() => {
      stop.abort();
      // As a build's 'exit' handler sees it: nothing asynchronous runs after the stop.
      left = readdirSync(job.workRoot);
    });
    await expect(running).rejects.toThrow(/Indexing was stopped/u);
    expect(existsSync(join(site, 'bundle', 'pagefind-entry.json')), 'a bundle written after the stop').toBe(false);
    expect(left, 'configuration left when the indexer was stopped').toEqual([]);
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

describe("the glob that names a bundle's pages", () => {
  it('writes the folders and the file name all the pages share once, around their alternatives', () => {
    expect(pageGlob(['articles/a/index.html', 'articles/b/index.html'])).toBe('articles/{a,b}/index.html');
    expect(pageGlob(['articles/a/index.html', 'places/b/index.html'])).toBe('{articles/a,places/b}/index.html');
    expect(pageGlob(['a/b/one.html', 'a/b/two.html'])).toBe('a/b/{one.html,two.html}');
    expect(pageGlob(['a/index.html'])).toBe('a/{index.html}');
    expect(pageGlob(['index.html', 'a/index.html'])).toBe('{index.html,a/index.html}');
  });

  it('names a page given twice once, and refuses a bundle without pages', () => {
    expect(pageGlob(['articles/a/index.html', 'articles/b/index.html', 'articles/a/index.html'])).toBe(
      'articles/{a,b}/index.html',
    );
    expect(() => pageGlob([])).toThrow(IndexingError);
  });

  it('escapes what a glob would read as syntax', () => {
    expect(pageGlob(['x/a,b{c}/index.html', 'x/d*e?f/index.html'])).toBe('x/{a\\,b\\{c\\},d\\*e\\?f}/index.html');
  });
});
