import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsOf, ROOT } from '../../helpers/site.ts';

const base = join(ROOT, 'tests', '.output', 'dev');
const seeds = join(base, 'seeds');
const seedName = '000_3fa1046521e36f31.txt';
const seedPath = join(seeds, seedName);

let server: ChildProcess | undefined;
let origin = '';
let output = '';

/**
 * The environment without what Vitest adds to it (NODE_ENV=test, MODE, BASE_URL, …): with
 * those the dev server answers every page with 404.
 */
function outsideVitest(): NodeJS.ProcessEnv {
  const added = new Set(['TEST', 'VITEST', 'NODE_ENV', 'MODE', 'BASE_URL', 'DEV', 'PROD', 'SSR']);
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !added.has(key) && !key.startsWith('VITEST_')),
  );
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** How long `waitFor` keeps trying: a request started before it ends is given 10 s more. */
const WAIT_MS = 90_000;

/** How long a test may take: longer than its two waits, so a miss reports the server's output, not a timeout. */
const TEST_TIMEOUT = 2 * WAIT_MS + 30_000;

/**
 * Fetches `path` from the dev server, a second apart, until `accept` holds, or fails once
 * `WAIT_MS` have passed (each request given 10 s) with the dev server's output.
 */
async function waitFor(path: string, accept: (status: number, body: string) => boolean) {
  let last = '';
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      if (accept(response.status, body)) return body;
      last = `${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${path} never reached the expected state (last: ${last}). Dev server output:\n${output}`);
}

describe('npm run dev: a live preview of the seeds', () => {
  beforeAll(async () => {
    rmSync(base, { recursive: true, force: true });
    mkdirSync(seeds, { recursive: true });
    copyFileSync(join(ROOT, 'seeds', seedName), seedPath);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: ROOT,
      env: { ...outsideVitest(), SEEDS_DIR: relative(ROOT, seeds), ASTRO_CACHE_DIR: join(base, 'cache') },
      detached: true,
    });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('/', (status) => status === 200);
  });

  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(base, { recursive: true, force: true });
  });

  it(
    'shows an edited seed without a restart',
    async () => {
      const first = recordsOf(seeds).articles[0];
      expect(first?.headline).toBe('科技创新实现新突破');
      const path = `/articles/${first?.id ?? ''}/`;
      await waitFor(path, (status, body) => status === 200 && body.includes('科技创新实现新突破'));
      writeFileSync(seedPath, readFileSync(seedPath, 'utf8').replace('# 科技创新实现新突破', '# 科技创新再获新突破'));
      const body = await waitFor(path, (status, text) => status === 200 && text.includes('科技创新再获新突破'));
      expect(body).not.toContain('科技创新实现新突破');
    },
    TEST_TIMEOUT,
  );

  it(
    'adds the items of a new seed and drops those of a removed one',
    async () => {
      const added = join(seeds, '001_added.txt');
      writeFileSync(added, '# 新增版面的标题\n\n新华社北京4月2日电 新增版面的正文。\n');
      const record = recordsOf(seeds).articles.find((r) => r.seed === '001_added.txt');
      expect(record).toBeDefined();
      const path = `/articles/${record?.id ?? ''}/`;
      await waitFor(path, (status, body) => status === 200 && body.includes('新增版面的标题'));
      rmSync(added);
      await waitFor(path, (status) => status === 404);
    },
    TEST_TIMEOUT,
  );

  it(
    'says on the search page that search needs a build, instead of failing to load an index',
    async () => {
      const body = await waitFor('/search/?q=%E7%A7%91%E6%8A%80', (status) => status === 200);
      expect(body).toContain('id="search-dev-note"');
      expect(body).toContain('检索索引只在 npm run build 时生成');
    },
    TEST_TIMEOUT,
  );
});
