import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

const made: string[] = [];
const logged: string[] = [];
const logger = {
  info: (message: string) => logged.push(message),
  warn: (message: string) => logged.push(message),
  error: (message: string) => logged.push(message),
  debug: () => undefined,
};

/** Runs the integration's build:done hook on a folder, as `astro build` would. */
async function runHook(dir: string): Promise<void> {
  const hook = pagefindIndex().hooks['astro:build:done'];
  if (!hook) throw new Error('the integration has no astro:build:done hook');
  await hook({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]);
}

/** A temporary site folder with the given files. */
function siteWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xinhua-pagefind-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the Pagefind integration', () => {
  it('indexes only the article text of the built pages, one bundle per year under pagefind/<year>/', async () => {
    const article = (year: string, title: string) =>
      `<html lang="zh-CN"><body><nav data-pagefind-ignore="all">导航</nav><article data-pagefind-body data-search-bundle="${year}"><h1>${title}</h1><p>展览开幕。</p></article></body></html>`;
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
    expect(pagesIn('2026')).toEqual([2]);
    expect(pagesIn('2025')).toEqual([1]);
    expect(readdirSync(join(dir, 'pagefind')).sort()).toEqual(['2025', '2026']);
    expect(
      readdirSync(dir).filter((name) => name.startsWith('.')),
      'staging folders left behind',
    ).toEqual([]);
    expect(existsSync(join(dir, 'pagefind', '2026', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(dir, 'pagefind', '2025', 'pagefind-highlight.js'))).toBe(true);
    expect(logged.at(-1)).toMatch(/Pagefind read 4 HTML files, indexed 3 pages in 2 bundles/u);
  }, 60_000);

  it('puts pages that name no bundle in the undated one', async () => {
    const dir = siteWith({
      'articles/a/index.html':
        '<html lang="zh-CN"><body><article data-pagefind-body><h1>无日期</h1></article></body></html>',
    });
    await runHook(dir);
    expect(readdirSync(join(dir, 'pagefind'))).toEqual(['undated']);
  }, 60_000);

  it('fails the build with the reason when there is nothing to index', async () => {
    const dir = siteWith({ 'robots.txt': 'User-agent: *' });
    await expect(runHook(dir)).rejects.toThrow(/found no pages to index/u);
  }, 60_000);
});
