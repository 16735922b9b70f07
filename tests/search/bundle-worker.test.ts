import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/** A built site of one article page in each of two periods. */
const site = mkdtempSync(join(tmpdir(), 'xinhua-bundle-worker-'));
for (const { id, month } of [
  { id: 'a', month: '2025-06', bundle: '2025' },
  { id: 'b', month: '2026-11', bundle: '2026-11' },
]) {
  mkdirSync(join(site, 'articles', id), { recursive: true });
  writeFileSync(
    join(site, 'articles', id, 'index.html'),
    `<html lang="zh-CN"><body><article data-pagefind-body data-search-month="${month}"><h1>科技创新</h1><p>京津冀协同发展。</p></article></body></html>`,
  );
}
afterAll(() => {
  rmSync(site, { recursive: true, force: true });
});

/** Runs the integration's hook on `dir` with the real Pagefind, each bundle in its worker process. */
async function runHook(dir: string): Promise<string[]> {
  const hook = pagefindIndex().hooks['astro:build:done'];
  if (!hook) throw new Error('the integration has no astro:build:done hook');
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(line), warn: () => undefined, error: () => undefined };
  await hook({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0]);
  return lines;
}

describe('indexing each bundle in a worker process', () => {
  it('writes every bundle with Pagefind and leaves no staging folder behind', async () => {
    const lines = await runHook(site);
    expect(lines).toContain('Bundle 2025: 1 page indexed');
    expect(lines).toContain('Bundle 2026-11: 1 page indexed');
    for (const bundle of ['2025', '2026-11']) {
      const entry = JSON.parse(readFileSync(join(site, 'pagefind', bundle, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(entry.languages['zh-cn']?.page_count, bundle).toBe(1);
      expect(existsSync(join(site, `.pagefind-${bundle}`)), `stage of ${bundle}`).toBe(false);
    }
  }, 60_000);

  it('ends when the build that started it goes away before it answers', async () => {
    const worker = fork(fileURLToPath(new URL('../../src/integrations/bundle-worker.ts', import.meta.url)), [], {
      execArgv: process.features.typescript ? [] : ['--experimental-strip-types'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise((resolve) => worker.once('spawn', resolve));
    const ended = new Promise<number | null>((resolve) => worker.once('exit', resolve));
    worker.disconnect();
    expect(await ended).toBe(1);
  }, 60_000);

  it('fails as an AstroError with a hint when the worker cannot index its bundle', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'xinhua-bundle-worker-broken-'));
    try {
      mkdirSync(join(broken, 'articles', 'c'), { recursive: true });
      writeFileSync(
        join(broken, 'articles', 'c', 'index.html'),
        '<html lang="zh-CN"><body><article data-pagefind-body data-search-month="2025-06"><h1>题</h1></article></body></html>',
      );
      // A file where the worker stages the bundle's pages, so it cannot stage them.
      writeFileSync(join(broken, '.pagefind-2025-06'), 'not a folder');
      const error: unknown = await runHook(broken).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AstroError);
      expect((error as AstroError).hint).toMatch(/build again/iu);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 60_000);
});
