/**
 * The kept output folder's seal: what it records of the output folder must be what the next
 * build's check reads from the folder itself, although it walks only the folders the steps
 * after pruning write.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderFingerprint, folderFingerprintAside } from '../../src/integrations/file-fingerprint.ts';
import { keptOutput, type KeptOutput } from '../../src/integrations/kept-output.ts';

type Hooks = AstroIntegration['hooks'];

let root = '';
let outDir = '';
let lines: string[] = [];
const logger = {
  info: (line: string) => lines.push(`info ${line}`),
  warn: (line: string) => lines.push(`warn ${line}`),
  error: (line: string) => lines.push(`error ${line}`),
};

/** Writes `text` at `path` under the output folder. */
function put(path: string, text: string): void {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Runs one hook of an integration with what this module needs of Astro's arguments. */
async function run(hooks: Hooks, name: keyof Hooks, extra: Record<string, unknown> = {}): Promise<void> {
  const hook = hooks[name] as ((options: unknown) => unknown) | undefined;
  if (!hook) throw new Error(`no ${name} hook`);
  await hook({
    logger,
    config: { outDir: pathToFileURL(`${outDir}/`), cacheDir: pathToFileURL(`${root}/cache/`) },
    ...extra,
  });
}

/**
 * One build: the check, the pages Astro writes (`pages`, each also in Astro's list), pruning,
 * what the steps after pruning do (`after`), the seal.
 */
async function build(output: KeptOutput, pages: Record<string, string>, after: () => void = () => undefined) {
  lines = [];
  await run(output.prune.hooks, 'astro:config:setup', { command: 'build' });
  await run(output.prune.hooks, 'astro:config:done');
  await run(output.prune.hooks, 'astro:build:start');
  for (const [path, text] of Object.entries(pages)) put(path, text);
  const assets = new Map([['page', Object.keys(pages).map((path) => pathToFileURL(join(outDir, path)))]]);
  await run(output.prune.hooks, 'astro:build:done', { assets });
  after();
  await run(output.seal.hooks, 'astro:build:done');
  return lines;
}

/** A page a step after pruning writes into a managed folder, backdated so it is not "new". */
function managedStep(): void {
  put('pagefind/a/entry.json', '{}');
  put('search-index/m/0.txt', '2024 abc\n');
  utimesSync(join(outDir, 'pagefind/a/entry.json'), new Date(2020, 0, 1), new Date(2020, 0, 1));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'xinhua-kept-output-'));
  outDir = join(root, 'dist');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the kept output folder', () => {
  const pages = { 'index.html': 'home', 'articles/a/index.html': 'a', 'search-index/p/2024/0.bin': 'x' };

  it('trusts the folder the last build left when the steps after pruning wrote only in managed folders', async () => {
    const output = keptOutput({ managed: ['pagefind', 'search-index/m'] });
    await build(output, pages, managedStep);
    const second = await build(output, pages, managedStep);
    expect(
      second.some((line) => line.includes('as the last build left it')),
      second.join('\n'),
    ).toBe(true);
  });

  it('leaves claimed files to the step after pruning that owns them, and trusts the folder as that step says it left them', async () => {
    const output = keptOutput({ managed: ['pagefind'], claimed: /^sitemap-(?:index|\d+)\.xml$/u });
    /** The sitemap's step: writes `files`, removes the other sitemap files, says what it left. */
    const sitemapStep = (files: string[]) => () => {
      for (const name of ['sitemap-0.xml', 'sitemap-1.xml']) {
        if (!files.includes(name)) rmSync(join(outDir, name), { force: true });
      }
      for (const name of files) put(name, `<${name}/>`);
      output.wrote(files);
    };
    await build(output, pages, sitemapStep(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']));
    expect(output.files()?.map(({ path }) => path)).toEqual([
      'articles/a/index.html',
      'index.html',
      'search-index/p/2024/0.bin',
      'sitemap-0.xml',
      'sitemap-1.xml',
      'sitemap-index.xml',
    ]);
    // Pruning leaves the claimed files; the step then leaves one fewer.
    const second = await build(output, pages, sitemapStep(['sitemap-0.xml', 'sitemap-index.xml']));
    expect(second.some((line) => line.includes('as the last build left it'))).toBe(true);
    expect(
      second.filter((line) => line.includes('Removed')),
      'pruning removed no sitemap file',
    ).toEqual([]);
    const third = await build(output, pages, sitemapStep(['sitemap-0.xml', 'sitemap-index.xml']));
    expect(
      third.some((line) => line.includes('as the last build left it')),
      third.join('\n'),
    ).toBe(true);
    expect(() => {
      output.wrote(['index.html']);
    }).toThrow(/does not own/u);
  });

  it.each([
    [
      'a step after pruning touched a file outside the managed folders',
      {
        after: () => {
          put('articles/a/index.html', 'changed after pruning');
        },
        between: () => undefined,
      },
    ],
    [
      'it was edited by hand between builds',
      {
        after: () => undefined,
        between: () => {
          put('articles/a/index.html', 'edited by hand');
        },
      },
    ],
  ])('empties the folder when %s', async (_, { after, between }) => {
    const output = keptOutput({ managed: ['pagefind'] });
    await build(output, pages, () => {
      managedStep();
      after();
    });
    between();
    const second = await build(output, pages);
    expect(
      second.some((line) => line.startsWith('info Emptied')),
      second.join('\n'),
    ).toBe(true);
  });

  it('says how big the folder and its tar archive are, and warns when the archive is over what GitHub Pages publishes', async () => {
    const bytes = Object.values(pages).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    // The archive of three small files in five folders: 15 blocks of 512 bytes, padded to a record of 20.
    const summary = `${outDir}/: 3 files, 0.0 MB; 0.0 MB as the tar archive GitHub Pages takes`;
    const small = await build(keptOutput(), pages);
    expect(small).toContain(`info ${summary}`);
    // Over a limit the files' own bytes are under: the archive is what the host counts.
    const large = await build(keptOutput({ publishLimit: bytes * 10 }), pages);
    expect(bytes * 10).toBeLessThan(10_240);
    expect(large.filter((line) => line.startsWith('warn'))).toEqual([
      `warn ${summary}: over the 0.0 MB that GitHub Pages publishes. Publish it to a host without that limit; docs/scale.md says what takes the bytes.`,
    ]);
    const roomy = await build(keptOutput({ publishLimit: 10_240 }), pages);
    expect(roomy.filter((line) => line.startsWith('warn'))).toEqual([]);
  });

  it('takes the fingerprint in a thread of its own as the main thread would take it', async () => {
    for (const [path, text] of Object.entries(pages)) put(path, text);
    const aside = await folderFingerprintAside(outDir);
    expect(aside).toMatch(/^[0-9a-f]{64}$/u);
    expect(aside).toBe(folderFingerprint(outDir));
    await expect(folderFingerprintAside(join(root, 'missing'))).resolves.toBe(folderFingerprint(join(root, 'missing')));
  });
});
