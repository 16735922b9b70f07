import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';
import { folderWith, removeFolders } from '../helpers/temp-folder.ts';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;
type ConfigDone = NonNullable<AstroIntegration['hooks']['astro:config:done']>;

const logged: string[] = [];
const logger = {
  info: (message: string) => logged.push(message),
  warn: (message: string) => logged.push(message),
  error: (message: string) => logged.push(message),
  debug: () => undefined,
};

/** Runs the integration's hooks on a folder as `astro build` would, with Astro's cache in `cacheDir` if given. */
async function runHook(dir: string, cacheDir?: string): Promise<void> {
  const { hooks } = pagefindIndex();
  if (cacheDir) {
    const config = { cacheDir: pathToFileURL(`${cacheDir}/`) };
    await hooks['astro:config:done']?.({ config, logger } as unknown as Parameters<ConfigDone>[0]);
  }
  const hook = hooks['astro:build:done'];
  if (!hook) throw new Error('the integration has no astro:build:done hook');
  await hook({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]);
}

/** Every file under `dir` with its bytes, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(
    files.flatMap((file) => {
      const path = join(dir, file);
      return statSync(path).isFile() ? [[file, readFileSync(path).toString('base64')] as const] : [];
    }),
  );
}

afterEach(removeFolders);

/** A built site of `files` (path → HTML) in a temporary folder. */
const siteWith = (files: Record<string, string>) => folderWith('xinhua-pagefind-', files);

describe('the Pagefind integration', () => {
  it('starts the largest bundle first, so that none is left to run alone at the end', async () => {
    const article = (year: string, n: number) =>
      `<html lang="zh-CN"><body><article data-pagefind-body data-search-month="${year}-06"><h1>第${n}篇</h1></article></body></html>`;
    const counts: Record<string, number> = { '2024': 1, '2025': 3, '2026': 2 };
    const dir = siteWith(
      Object.fromEntries(
        Object.entries(counts).flatMap(([year, n]) =>
          Array.from({ length: n }, (_, i) => [`articles/${year}-${i}/index.html`, article(year, i)]),
        ),
      ),
    );
    const started: string[] = [];
    const hook = pagefindIndex({
      indexer: ({ outputPath, pages }) => {
        started.push(`${outputPath.split(/[/\\]/u).at(-1) ?? ''}:${pages.length}`);
        mkdirSync(outputPath, { recursive: true });
        return Promise.resolve('');
      },
    }).hooks['astro:build:done'];
    await hook?.({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]);
    expect(started).toEqual(['2025:3', '2026-06:2', '2024:1']);
  });

  it('stops the bundles still indexing when one fails, and fails with its reason', async () => {
    const article = (year: string) =>
      `<html lang="zh-CN"><body><article data-pagefind-body data-search-month="${year}-06"><h1>题</h1></article></body></html>`;
    const dir = siteWith({
      'articles/a/index.html': article('2025'),
      'articles/b/index.html': article('2025'),
      'articles/c/index.html': article('2026'),
    });
    const stopped: string[] = [];
    const hook = pagefindIndex({
      indexer: ({ outputPath, signal }) => {
        const name = outputPath.split(/[/\\]/u).at(-1) ?? '';
        if (name === '2026-06') return Promise.reject(new Error('disk full'));
        // The larger bundle, started first, runs until it is stopped.
        return new Promise((_, reject) => {
          signal?.addEventListener('abort', () => {
            stopped.push(name);
            reject(new Error('stopped'));
          });
        });
      },
    }).hooks['astro:build:done'];
    await expect(
      hook?.({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]),
    ).rejects.toThrow(/disk full/u);
    expect(stopped).toEqual(['2025']);
  });

  it('indexes only the article text of the built pages, one bundle per period under pagefind/<period>/', async () => {
    const article = (year: string, title: string) =>
      `<html lang="zh-CN"><body><nav data-pagefind-ignore="all">导航</nav><article data-pagefind-body data-search-month="${year}-06"><h1>${title}</h1><p>展览开幕。</p></article></body></html>`;
    const dir = siteWith({
      'articles/a/index.html': article('2026', '天宫画展'),
      'articles/b/index.html': article('2026', '春耕备耕'),
      'articles/c/index.html': article('2025', '冬至时节'),
      'about/index.html': '<html lang="zh-CN"><body><p>关于本站</p></body></html>',
    });
    await runHook(dir);
    const pagesIn = (bundle: string) => {
      const entry = JSON.parse(readFileSync(join(dir, 'pagefind', bundle, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      return Object.values(entry.languages).map((l) => l.page_count);
    };
    expect(pagesIn('2026-06')).toEqual([2]);
    expect(pagesIn('2025')).toEqual([1]);
    expect(readdirSync(join(dir, 'pagefind')).sort()).toEqual(['2025', '2026-06', 'pagefind-highlight.js']);
    expect(
      readdirSync(dir).filter((name) => name.startsWith('.')),
      'hidden folders left behind',
    ).toEqual([]);
    expect(existsSync(join(dir, 'pagefind', '2026-06', 'pagefind.js'))).toBe(true);
    // Article pages load the highlight script from the top of the bundles' folder, whatever their bundle.
    expect(readFileSync(join(dir, 'pagefind', 'pagefind-highlight.js'))).toEqual(
      readFileSync(join(dir, 'pagefind', '2025', 'pagefind-highlight.js')),
    );
    expect(
      readdirSync(join(dir, 'pagefind', '2026-06')).filter((name) => name.includes('-ui')),
      'unused UI files',
    ).toEqual([]);
    expect(logged.at(-1)).toMatch(/Pagefind found 4 HTML files \(4 read\), indexed 3 pages in 2 bundles/u);
  }, 60_000);

  it('keeps or brings back an unchanged bundle from the cache and indexes again only the bundle whose pages changed', async () => {
    const article = (year: string, title: string, css = 'Base.x0.css') =>
      `<html lang="zh-CN"><head><link rel="stylesheet" href="/_astro/${css}"></head><body><article data-pagefind-body data-search-month="${year}-06"><h1>${title}</h1></article></body></html>`;
    const cache = siteWith({});
    const dir = siteWith({
      'articles/a/index.html': article('2026', '天宫画展'),
      'articles/c/index.html': article('2025', '冬至时节'),
    });
    const bundleLines = () => logged.filter((line) => line.startsWith('Bundle '));
    await runHook(dir, cache);
    const first = snapshot(join(dir, 'pagefind'));
    logged.length = 0;
    await runHook(dir, cache);
    expect(logged.filter((line) => line.startsWith('Bundle ') && line.endsWith('(kept in place)'))).toHaveLength(2);
    expect(logged.at(-1), 'pages left untouched are not read again').toMatch(/found 2 HTML files \(0 read\)/u);
    expect(snapshot(join(dir, 'pagefind'))).toEqual(first);
    // A bundle changed in the site folder is not trusted: a file replaced there is put back from the cache.
    const entry = join(dir, 'pagefind', '2025', 'pagefind-entry.json');
    rmSync(entry);
    writeFileSync(entry, '{}');
    mkdirSync(join(dir, 'pagefind', '2019'));
    logged.length = 0;
    await runHook(dir, cache);
    expect(bundleLines()).toEqual([
      'Bundle 2026-06: 1 page, unchanged since the last build (kept in place)',
      'Bundle 2025: 1 page, unchanged since the last build (from the cache)',
    ]);
    expect(snapshot(join(dir, 'pagefind')), 'the bundles as first written, and no other').toEqual(first);
    // The cache holds the very files of the site (hard links): a file changed in place changed in
    // the cache too, so the bundle is indexed again rather than brought back changed.
    writeFileSync(entry, '{}');
    logged.length = 0;
    await runHook(dir, cache);
    expect(bundleLines()).toEqual([
      'Bundle 2026-06: 1 page, unchanged since the last build (kept in place)',
      'Bundle 2025: 1 page indexed',
    ]);
    expect(snapshot(join(dir, 'pagefind')), 'the bundles as first written').toEqual(first);

    // A new stylesheet name changes no indexed text: still from the cache.
    writeFileSync(join(dir, 'articles/a/index.html'), article('2026', '天宫画展', 'Base.x1.css'));
    logged.length = 0;
    await runHook(dir, cache);
    expect(bundleLines().every((line) => line.endsWith('(kept in place)'))).toBe(true);
    expect(logged.at(-1)).toMatch(/found 2 HTML files \(1 read\)/u);

    // A cache entry cut short is indexed again rather than failing the build; a changed year too.
    rmSync(join(cache, 'pagefind', '2026-06', 'bundle'), { recursive: true });
    writeFileSync(join(dir, 'articles/c/index.html'), article('2025', '冬至时节话民俗'));
    logged.length = 0;
    await runHook(dir, cache);
    // Both bundles are indexed side by side: their lines come in the order they finish.
    expect(bundleLines().sort()).toEqual(['Bundle 2025: 1 page indexed', 'Bundle 2026-06: 1 page indexed']);
    writeFileSync(join(dir, 'articles/c/index.html'), article('2025', '冬至'));
    logged.length = 0;
    await runHook(dir, cache);
    expect(bundleLines()).toEqual([
      'Bundle 2026-06: 1 page, unchanged since the last build (kept in place)',
      'Bundle 2025: 1 page indexed',
    ]);
    const fresh = siteWith({
      'articles/a/index.html': article('2026', '天宫画展'),
      'articles/c/index.html': article('2025', '冬至'),
    });
    await runHook(fresh);
    expect(snapshot(join(dir, 'pagefind')), 'the same bundles as a build without a cache').toEqual(
      snapshot(join(fresh, 'pagefind')),
    );
  }, 120_000);

  it('puts pages that name no month in the undated bundle', async () => {
    const dir = siteWith({
      'articles/a/index.html':
        '<html lang="zh-CN"><body><article data-pagefind-body><h1>无日期</h1></article></body></html>',
    });
    await runHook(dir);
    expect(readdirSync(join(dir, 'pagefind')).sort()).toEqual(['pagefind-highlight.js', 'undated']);
  }, 60_000);

  it('fails the build with the reason when there is nothing to index', async () => {
    const dir = siteWith({ 'robots.txt': 'User-agent: *' });
    await expect(runHook(dir)).rejects.toThrow(/found no pages to index/u);
  }, 60_000);
});
