/**
 * Indexes one search bundle: a fresh Pagefind service is given the bundle's pages one by one, in
 * path order, with the paths they have in the site (from which Pagefind makes their URLs), and
 * writes the bundle. Pagefind numbers pages in the order they are added, and the numbers are in
 * the files it writes: adding them in path order makes a bundle the same bytes whichever way its
 * pages came (read from the built site, or handed over while they rendered, see
 * `render-index.ts`) and whatever order the file system lists them in. Run in a process of its
 * own (`bundle-worker.ts`), so bundles are indexed side by side and each Pagefind service ends
 * with its process.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The language Pagefind indexes in: Chinese segmentation for every page. */
export const LANGUAGE = 'zh-cn';

/**
 * How a bundle is made, beside Pagefind's version and language: it enters every bundle's digest,
 * so a bundle cached by a build that added pages another way is not reused.
 */
export const INDEX_FORMAT = 'pages added one by one in path order';

/** Pagefind's ready-made search interfaces, which the site does not use (it has its own page). */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$/u;

/** One bundle to index from the built site. */
export interface BundleJob {
  /** The built site. */
  site: string;
  /** The bundle's HTML files, relative to the site, in path order. */
  pages: string[];
  /** Where the bundle is written (emptied first). */
  outputPath: string;
}

/** What to do when Pagefind's service misbehaves without naming a cause. */
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

/** Fails with Pagefind's own reasons when a response reports errors. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new IndexingError(
      `Pagefind could not ${step}: ${response.errors.join('; ')}.`,
      'Fix the cause Pagefind names and build again.',
    );
  }
}

/** Pages sent to Pagefind's service before the first answer is awaited: enough to keep it busy, few enough to bound the text held. */
const WINDOW = 64;

/** A Pagefind index being filled with one bundle's pages. */
export interface BundleIndex {
  /**
   * Sends the page at `path` (relative to the site) with its HTML to Pagefind, which indexes
   * pages in the order they are sent; resolves once few enough pages wait for their answer.
   * Pages must come in path order.
   */
  add: (path: string, html: string) => Promise<void>;
  /** Waits for every page's answer, then writes the bundle to `outputPath` (emptied first) without Pagefind's unused interfaces. */
  write: (outputPath: string) => Promise<void>;
}

/** Starts a Pagefind index in this process's Pagefind service (end it with `pagefind.close()`). */
export async function openBundleIndex(): Promise<BundleIndex> {
  const created = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  check('start an index', created);
  const { index } = created;
  if (!index) throw new IndexingError('Pagefind started no index and reported no error.', RETRY_HINT);
  const waiting = new Set<Promise<void>>();
  const state: { last?: string; failure?: Error } = {};
  const failed = (): void => {
    if (state.failure !== undefined) throw state.failure;
  };
  return {
    add: async (path, html) => {
      failed();
      if (state.last !== undefined && path <= state.last) {
        throw new Error(`The page ${path} came after ${state.last}: a bundle's pages must come in path order`);
      }
      state.last = path;
      // Sent now, in call order; Pagefind's service answers its messages one at a time, in order.
      const answered: Promise<void> = index
        .addHTMLFile({ sourcePath: path, content: html })
        .then((response) => {
          check(`index ${path}`, response);
        })
        .catch((error: unknown) => {
          state.failure ??= error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => waiting.delete(answered));
      waiting.add(answered);
      while (waiting.size >= WINDOW) await Promise.race(waiting);
      failed();
    },
    write: async (outputPath) => {
      await Promise.all(waiting);
      failed();
      // Pagefind adds to a folder: clear it, so no file of an older index stays beside the new one.
      rmSync(outputPath, { recursive: true, force: true });
      check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
      for (const file of readdirSync(outputPath)) {
        if (UNUSED.test(file)) rmSync(join(outputPath, file));
      }
    },
  };
}

/** Indexes `job.pages`, read from the built site, in a fresh Pagefind service and writes the bundle to `job.outputPath`. */
export async function indexBundle({ site, pages, outputPath }: BundleJob): Promise<void> {
  try {
    const index = await openBundleIndex();
    for (const page of pages) await index.add(page, readFileSync(join(site, page), 'utf8'));
    await index.write(outputPath);
  } finally {
    await pagefind.close();
  }
}
