import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { startBundleProcess } from '../../src/integrations/bundle-process.ts';
import { IndexingError } from '../../src/integrations/index-bundle.ts';
import { pagefindIndex } from '../../src/integrations/pagefind.ts';
import { filesUnder } from '../helpers/site.ts';

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
  it('writes every bundle with Pagefind', async () => {
    const lines = await runHook(site);
    expect(lines).toContain('Bundle 2025: 1 page indexed');
    expect(lines).toContain('Bundle 2026-11: 1 page indexed');
    for (const bundle of ['2025', '2026-11']) {
      const entry = JSON.parse(readFileSync(join(site, 'pagefind', bundle, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(entry.languages['zh-cn']?.page_count, bundle).toBe(1);
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

  it('answers with the reason and a hint when it cannot index its bundle', async () => {
    const worker = startBundleProcess();
    worker.send({
      kind: 'job',
      job: { site: join(site, 'missing'), pages: ['articles/c/index.html'], outputPath: join(site, 'nowhere') },
    });
    const error: unknown = await worker.answer.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(IndexingError);
    expect((error as IndexingError).message).toMatch(/no such file/iu);
    expect((error as IndexingError).hint).toMatch(/build again/iu);
  }, 60_000);

  it('indexes pages handed over one by one into the same bundle as pages read from the site', async () => {
    const streamed = join(site, '.streamed');
    const worker = startBundleProcess();
    for (const id of ['a', 'b']) {
      const path = `articles/${id}/index.html`;
      worker.send({ kind: 'page', path, html: readFileSync(join(site, path), 'utf8') });
    }
    worker.send({ kind: 'write', outputPath: streamed });
    await worker.answer;
    const read = join(site, '.read');
    const job = startBundleProcess();
    job.send({
      kind: 'job',
      job: { site, pages: ['articles/a/index.html', 'articles/b/index.html'], outputPath: read },
    });
    await job.answer;
    expect(filesUnder(streamed).sort()).toEqual(filesUnder(read).sort());
    for (const file of filesUnder(read)) {
      expect(readFileSync(join(streamed, file)).equals(readFileSync(join(read, file))), file).toBe(true);
    }
  }, 60_000);

  it('fails a bundle whose pages come out of path order', async () => {
    const worker = startBundleProcess();
    for (const id of ['b', 'a']) {
      const path = `articles/${id}/index.html`;
      worker.send({ kind: 'page', path, html: readFileSync(join(site, path), 'utf8') });
    }
    worker.send({ kind: 'write', outputPath: join(site, '.unordered') });
    await expect(worker.answer).rejects.toThrow(/articles\/a\/index\.html came after articles\/b\/index\.html/u);
    expect(existsSync(join(site, '.unordered'))).toBe(false);
  }, 60_000);
});
