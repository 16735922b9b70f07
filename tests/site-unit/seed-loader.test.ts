import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { seedLoader } from '../../src/loaders/seed-loader.ts';
import { ROOT } from '../helpers/site.ts';

const REAL_SEED = join(ROOT, 'seeds', '000_3fa1046521e36f31.txt');

/** What a fake loader context records: the entries stored, the lines logged and the records validated. */
interface FakeRun {
  context: LoaderContext;
  entries: Map<string, { headline?: string }>;
  logged: string[];
  watcher: EventEmitter & { add: (path: string) => void };
  /** Ids passed to `parseData`, in order. */
  validated: string[];
  /** The collection's meta store. */
  meta: Map<string, string>;
}

/** A loader context with in-memory stores, a logger that records lines and a watcher the test drives; its cache folder is `cacheDir`. */
function fakeContext(onInfo: (line: string) => void = () => undefined, cacheDir = join(dir, '.cache')): FakeRun {
  const entries = new Map<string, { headline?: string }>();
  const meta = new Map<string, string>();
  const digests = new Map<string, string>();
  const validated: string[] = [];
  const logged: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
  const log = (line: string): void => {
    logged.push(line);
  };
  const context = {
    collection: 'articles',
    config: { root: pathToFileURL(`${ROOT}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
    store: {
      set: ({ id, data, digest }: { id: string; data: { headline?: string }; digest: string }) => {
        entries.set(id, data);
        digests.set(id, digest);
      },
      get: (id: string) => (entries.has(id) ? { id, data: entries.get(id), digest: digests.get(id) } : undefined),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => meta.set(key, value),
      delete: (key: string) => meta.delete(key),
    },
    logger: {
      info: (line: string) => {
        log(line);
        onInfo(line);
      },
      warn: log,
      error: log,
    },
    parseData: ({ id, data }: { id: string; data: unknown }) => {
      validated.push(id);
      return Promise.resolve(data);
    },
    generateDigest: (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex'),
    watcher,
  } as unknown as LoaderContext;
  return { context, entries, logged, meta, watcher, validated };
}

/** Resolves once a line holding `text` has been logged (checked every 10 ms, for at most 5 s). */
async function logLine(logged: string[], text: string): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (logged.some((line) => line.includes(text))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never logged "${text}"; logged:\n${logged.join('\n')}`);
}

/** The folder of the seeds (and, inside it, of the cache) of the running test. */
let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the seed loader under the dev server’s watcher', () => {
  it('reads a seed again when it was written after the sync that one change event started had read it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seed-loader-'));
    const seed = join(dir, '000_3fa1046521e36f31.txt');
    const text = readFileSync(REAL_SEED, 'utf8');
    writeFileSync(seed, text);
    const edited = text.replace('# 科技创新实现新突破', '# 科技创新再获新突破');
    // An editor's save truncates the file, then writes it. The watcher fires one event for both
    // (it throttles a file's events); the sync it starts reads the empty file, and the write
    // lands while that sync is still storing what it read.
    let written = false;
    const run = fakeContext((line) => {
      if (line.startsWith('0 items') && !written) {
        written = true;
        writeFileSync(seed, edited);
      }
    });
    await seedLoader({ dir }).load(run.context);
    const headlines = (): (string | undefined)[] => [...run.entries.values()].map((entry) => entry.headline);
    expect(headlines()).toContain('科技创新实现新突破');

    writeFileSync(seed, '');
    run.watcher.emit('change', seed);
    await logLine(run.logged, 'Reloaded seeds');

    expect(written).toBe(true);
    expect(headlines()).toContain('科技创新再获新突破');
    expect(headlines()).not.toContain('科技创新实现新突破');
  });

  it('validates and stores again only the records that changed since the last sync', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seed-loader-'));
    const seed = join(dir, '000_3fa1046521e36f31.txt');
    const text = readFileSync(REAL_SEED, 'utf8');
    writeFileSync(seed, text);
    writeFileSync(join(dir, '001_other.txt'), '# 另一版的标题\n\n新华社北京4月2日电 另一版的正文。\n');
    const run = fakeContext();
    await seedLoader({ dir }).load(run.context);
    const all = [...run.entries.keys()];
    expect(run.validated).toEqual(all);

    run.validated.length = 0;
    await seedLoader({ dir }).load(run.context);
    expect(run.validated).toEqual([]);

    writeFileSync(join(dir, '001_other.txt'), '# 另一版的新标题\n\n新华社北京4月2日电 另一版的正文。\n');
    await seedLoader({ dir }).load(run.context);
    expect(run.validated).toHaveLength(1);
    expect(run.entries.get(run.validated[0] ?? '')?.headline).toBe('另一版的新标题');
    expect([...run.entries.keys()]).toEqual(all);
  });

  it('drops the records of a seed removed while the dev server runs', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seed-loader-'));
    const seed = join(dir, '000_3fa1046521e36f31.txt');
    writeFileSync(seed, readFileSync(REAL_SEED));
    const run = fakeContext();
    await seedLoader({ dir }).load(run.context);
    expect(run.entries.size).toBeGreaterThan(0);

    rmSync(seed);
    run.watcher.emit('unlink', seed);
    await logLine(run.logged, 'Reloaded seeds');
    expect(run.entries.size).toBe(0);
  });
});

describe('the seed loader’s kept parses', () => {
  it('parses a seed again only when its bytes changed, keeping the parses outside the content store', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seed-loader-'));
    writeFileSync(join(dir, '000_3fa1046521e36f31.txt'), readFileSync(REAL_SEED));
    writeFileSync(join(dir, '001_other.txt'), '# 另一版的标题\n\n新华社北京4月2日电 另一版的正文。\n');
    const run = fakeContext();
    // A store written by an earlier version of the loader, with the parses in its meta store.
    run.meta.set('seed-keys', JSON.stringify(['seed:old.txt']));
    run.meta.set('seed:old.txt', JSON.stringify({ digest: 'x', result: { articles: [], diagnostics: [] } }));
    await seedLoader({ dir }).load(run.context);
    expect(run.logged.at(-1)).toMatch(/ from 2 seeds \(2 parsed, 0 unchanged\)/u);
    expect([...run.meta.keys()]).toEqual([]);
    const kept = readdirSync(join(dir, '.cache', 'seed-parses'));
    expect(kept).toHaveLength(2);

    await seedLoader({ dir }).load(run.context);
    expect(run.logged.at(-1)).toMatch(/ from 2 seeds \(0 parsed, 2 unchanged\)/u);

    writeFileSync(join(dir, '001_other.txt'), '# 另一版的新标题\n\n新华社北京4月2日电 另一版的正文。\n');
    await seedLoader({ dir }).load(run.context);
    expect(run.logged.at(-1)).toMatch(/ from 2 seeds \(1 parsed, 1 unchanged\)/u);
    const now = readdirSync(join(dir, '.cache', 'seed-parses'));
    expect(now).toHaveLength(2);
    expect(now.filter((name) => kept.includes(name))).toHaveLength(1);

    rmSync(join(dir, '001_other.txt'));
    await seedLoader({ dir }).load(run.context);
    expect(readdirSync(join(dir, '.cache', 'seed-parses'))).toHaveLength(1);
  });

  it('parses a seed again when its kept parse cannot be read', async () => {
    dir = mkdtempSync(join(tmpdir(), 'seed-loader-'));
    writeFileSync(join(dir, '000_3fa1046521e36f31.txt'), readFileSync(REAL_SEED));
    const run = fakeContext();
    await seedLoader({ dir }).load(run.context);
    const folder = join(dir, '.cache', 'seed-parses');
    const [name] = readdirSync(folder);
    writeFileSync(join(folder, name ?? ''), '{"articles": [');
    const headlines = [...run.entries.values()].map((entry) => entry.headline);
    run.entries.clear();
    await seedLoader({ dir }).load(run.context);
    expect(run.logged.at(-1)).toMatch(/ from 1 seeds \(1 parsed, 0 unchanged\)/u);
    expect([...run.entries.values()].map((entry) => entry.headline)).toEqual(headlines);
  });
});
