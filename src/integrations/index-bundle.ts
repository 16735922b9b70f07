/**
 * Indexes one search bundle: runs Pagefind's command-line indexer over the built site in a
 * process of its own, with a glob that names the bundle's pages and no others, so that Pagefind
 * reads them where they are, with the URLs they have in the site, and bundles are indexed side
 * by side with each indexer's memory going with its process. The command line rather than
 * Pagefind's Node API: the same bundle byte for byte, in about two thirds of the time
 * (docs/scale.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve as absolutePath } from 'node:path';

/** The language Pagefind indexes in: Chinese segmentation for every page. */
export const LANGUAGE = 'zh-cn';

/** Pagefind's ready-made search interfaces, which the site does not use (it has its own page). */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$/u;

/** The most characters of Pagefind's output kept for a message: its last lines. */
const OUTPUT_TAIL = 4000;

/** One bundle to index. */
export interface BundleJob {
  /** The built site. */
  site: string;
  /** The bundle's HTML files, relative to the site (`/`-separated, as Pagefind's glob names them), at least one. */
  pages: string[];
  /** Where the bundle is written (emptied first). */
  outputPath: string;
  /** Stops the indexer when aborted (another bundle failed, or the build is ending). */
  signal?: AbortSignal;
  /** The folder in which Pagefind's configuration gets a folder of its own, removed afterwards (default: the system's temporary folder). */
  workRoot?: string;
}

/** What to do when Pagefind misbehaves without naming a cause. */
export const RETRY_HINT =
  'Build again. If it keeps failing, reinstall the dependencies with `npm ci`: Pagefind runs a binary for this platform from an optional dependency.';

/** A bundle that could not be indexed, with what to do about it. */
export class IndexingError extends Error {
  /** What to do about it. */
  readonly hint: string;

  /** @param message what went wrong; @param hint what to do about it */
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'IndexingError';
    this.hint = hint;
  }
}

/**
 * The path of Pagefind's extended indexer, the one with Chinese segmentation, from the package
 * for this platform that the `pagefind` package installs beside itself (as `npx pagefind` finds it).
 */
export function pagefindBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@pagefind/${platform}-${process.arch}/bin/pagefind_extended${process.platform === 'win32' ? '.exe' : ''}`;
  try {
    return createRequire(import.meta.resolve('pagefind')).resolve(name);
  } catch {
    throw new IndexingError(
      `Pagefind's indexer for this platform (${name}) is not installed.`,
      'Reinstall the dependencies with `npm ci`: Pagefind installs its indexer from an optional dependency, which an install with --omit=optional or for another platform leaves out.',
    );
  }
}

/**
 * Runs Pagefind with `args` in the folder `cwd` (where it reads its configuration file); resolves
 * with what it printed, rejects with it when Pagefind fails or is stopped.
 */
function runPagefind(args: readonly string[], cwd: string, signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new IndexingError('Indexing was stopped before it began.', RETRY_HINT));
      return;
    }
    // Pagefind reads PAGEFIND_* variables over its configuration file: one set for another use
    // (PAGEFIND_GLOB, PAGEFIND_ROOT_SELECTOR, …) would change what a bundle holds, so none is passed on.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PAGEFIND_')));
    const child = spawn(pagefindBinary(), args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: string) => {
      output = (output + chunk).slice(-OUTPUT_TAIL);
    };
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    const stop = () => child.kill();
    signal?.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => {
      signal?.removeEventListener('abort', stop);
      reject(new IndexingError(`Pagefind could not be started: ${error.message}`, RETRY_HINT));
    });
    child.once('close', (code, killed) => {
      signal?.removeEventListener('abort', stop);
      const said = output.trim();
      if (code === 0) resolve(said);
      else if (signal?.aborted) reject(new IndexingError('Indexing was stopped.', RETRY_HINT));
      else {
        reject(
          new IndexingError(
            `Pagefind ended with ${killed ?? `exit code ${String(code)}`}${said ? `: ${said}` : ' and said nothing.'}`,
            RETRY_HINT,
          ),
        );
      }
    });
  });
}

/** The characters a glob reads as syntax (Pagefind's globs are wax patterns), each escaped with a backslash. */
const GLOB_SYNTAX = /[*?$:<>[\]{},()]/gu;

/**
 * A glob that matches `pages` (paths relative to the site) and nothing else: their alternatives
 * in braces, the folders they all share and the file name they all end with written once
 * (`articles/{a,b}/index.html`). Throws for a path a glob cannot name (one with a backslash).
 */
export function pageGlob(pages: readonly string[]): string {
  if (pages.length === 0) {
    throw new IndexingError(
      'A search bundle was given no pages to index.',
      'A bundle is made only of the pages found for it: this is a fault in the build, to report with its log.',
    );
  }
  const parts = [...new Set(pages)].map((page) => {
    if (page.includes('\\')) {
      throw new IndexingError(
        `Pagefind cannot be told to index ${page}: a glob cannot name a path with a backslash.`,
        'Rename the page so that its path has no backslash (URLs use "/"), and build again.',
      );
    }
    return page.replace(GLOB_SYNTAX, (char) => `\\${char}`).split('/');
  });
  const [first = []] = parts;
  const shortest = parts.reduce((least, segments) => Math.min(least, segments.length), Infinity);
  let head = 0;
  while (head < shortest - 1 && parts.every((segments) => segments[head] === first[head])) head += 1;
  const last = first.at(-1);
  const tail = shortest - head > 1 && parts.every((segments) => segments.at(-1) === last) ? 1 : 0;
  const middle = parts.map((segments) => segments.slice(head, segments.length - tail).join('/'));
  return [...first.slice(0, head), `{${middle.join(',')}}`, ...(tail ? [last] : [])].join('/');
}

/** The number of pages a written bundle holds, as its entry file says. */
function bundledPages(outputPath: string): number {
  const entry = join(outputPath, 'pagefind-entry.json');
  if (!existsSync(entry)) return 0;
  const { languages } = JSON.parse(readFileSync(entry, 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(languages).reduce((sum, { page_count }) => sum + page_count, 0);
}

/**
 * Indexes `job.pages` with Pagefind and writes the bundle to `job.outputPath`; resolves with
 * the warnings Pagefind printed (empty when none). Fails when Pagefind does, or when the bundle
 * does not hold every page (Pagefind skips a page it cannot read, with a warning).
 */
export async function indexBundle({
  site,
  pages,
  outputPath,
  signal,
  workRoot = tmpdir(),
}: BundleJob): Promise<string> {
  const glob = pageGlob(pages);
  const expected = new Set(pages).size;
  // The glob goes in a configuration file, which Pagefind reads from the folder it runs in: as an
  // argument, a bundle's glob (up to hundreds of kilobytes) could pass the system's limit on one
  // argument. The folders are made absolute, since Pagefind does not run where the build does.
  const configFolder = mkdtempSync(join(workRoot, 'xinhua-pagefind-'));
  // Removed at once when the indexer is stopped too: a build that ends stops it from its
  // 'exit' handler, after which no `finally` runs.
  const removeConfig = () => {
    rmSync(configFolder, { recursive: true, force: true });
  };
  signal?.addEventListener('abort', removeConfig, { once: true });
  const out = absolutePath(outputPath);
  try {
    writeFileSync(join(configFolder, 'pagefind.json'), JSON.stringify({ glob }));
    // Pagefind adds to a folder: clear it, so no file of an older index stays beside the new one.
    rmSync(out, { recursive: true, force: true });
    const said = await runPagefind(
      ['--site', absolutePath(site), '--output-path', out, '--force-language', LANGUAGE, '--quiet'],
      configFolder,
      signal,
    );
    const indexed = bundledPages(out);
    if (indexed !== expected) {
      throw new IndexingError(
        `Pagefind indexed ${String(indexed)} of the ${String(expected)} pages of the bundle${said ? `: ${said}` : '.'}`,
        'Fix the pages Pagefind names (every article page needs its <html> element and data-pagefind-body) and build again.',
      );
    }
    for (const file of readdirSync(out)) {
      if (UNUSED.test(file)) rmSync(join(out, file));
    }
    return said;
  } finally {
    signal?.removeEventListener('abort', removeConfig);
    removeConfig();
  }
}
