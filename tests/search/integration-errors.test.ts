import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

/** What the mocked Pagefind answers, step by step. */
const answers = {
  created: { errors: [] as string[] },
  added: { errors: [] as string[], page_count: 1 },
  written: { errors: [] as string[], outputPath: '/site/pagefind' },
};
const close = vi.fn(() => Promise.resolve(null));

vi.mock('pagefind', () => ({
  createIndex: () =>
    Promise.resolve({
      ...answers.created,
      index:
        answers.created.errors.length > 0
          ? undefined
          : {
              addDirectory: () => Promise.resolve(answers.added),
              // Like Pagefind, writes the bundle folder when it reports no error.
              writeFiles: ({ outputPath }: { outputPath: string }) => {
                if (answers.written.errors.length === 0) mkdirSync(outputPath, { recursive: true });
                return Promise.resolve(answers.written);
              },
            },
    }),
  close,
}));

const { pagefindIndex } = await import('../../src/integrations/pagefind.ts');
const { indexBundle } = await import('../../src/integrations/index-bundle.ts');
type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** A built site of one article page of 2026. */
const site = mkdtempSync(join(tmpdir(), 'xinhua-pagefind-errors-'));
mkdirSync(join(site, 'articles', 'a'), { recursive: true });
writeFileSync(
  join(site, 'articles', 'a', 'index.html'),
  '<html lang="zh-CN"><body><article data-pagefind-body data-search-month="2026-06"><h1>题</h1></article></body></html>',
);
afterAll(() => {
  rmSync(site, { recursive: true, force: true });
});

/** Runs the hook on a built site (by default the one above) with a silent logger. */
async function runHook(dir = site): Promise<void> {
  // In this process, where Pagefind is mocked, instead of a worker process of its own.
  const hook = pagefindIndex({ indexer: indexBundle }).hooks['astro:build:done'];
  if (!hook) throw new Error('the integration has no astro:build:done hook');
  const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  await hook({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]);
}

beforeEach(() => {
  answers.created.errors = [];
  answers.added.errors = [];
  answers.written.errors = [];
  close.mockClear();
});

describe('the Pagefind integration when Pagefind reports errors', () => {
  it('fails with the reason when the index cannot be created, and closes Pagefind', async () => {
    answers.created.errors = ['no such language'];
    await expect(runHook()).rejects.toThrow(/could not start an index: no such language/u);
    expect(close).toHaveBeenCalledOnce();
  });

  it('fails with the reason when pages cannot be read, and closes Pagefind', async () => {
    answers.added.errors = ['bad HTML in a.html'];
    await expect(runHook()).rejects.toThrow(/could not index the pages in .*: bad HTML in a\.html/u);
    expect(close).toHaveBeenCalledOnce();
  });

  it('fails with the reason when the bundle cannot be written, and closes Pagefind', async () => {
    answers.written.errors = ['disk full'];
    await expect(runHook()).rejects.toThrow(/could not write the index to .*: disk full/u);
    expect(close).toHaveBeenCalledOnce();
  });

  it('fails as an AstroError whose hint says what to do', async () => {
    answers.created.errors = ['no such language'];
    const error: unknown = await runHook().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AstroError);
    const { message, hint } = error as AstroError;
    expect(message).toMatch(/could not start an index: no such language\.$/u);
    expect(hint).toMatch(/build again/u);
  });

  it('fails as an AstroError with a hint when no built page marks content to index', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'xinhua-pagefind-empty-'));
    try {
      writeFileSync(join(empty, 'index.html'), '<html lang="zh-CN"><body><h1>首页</h1></body></html>');
      const error: unknown = await runHook(empty).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AstroError);
      const { message, hint } = error as AstroError;
      expect(message).toMatch(/no pages to index/u);
      expect(hint).toMatch(/data-pagefind-body/u);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('closes Pagefind after a successful run too', async () => {
    await runHook();
    expect(close).toHaveBeenCalledOnce();
  });
});
