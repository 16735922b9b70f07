/**
 * Indexes one search bundle: stages its pages in a folder of their own, so that Pagefind reads
 * them itself with the URLs they have in the site, runs a fresh Pagefind service over them and
 * writes the bundle. Run in a process of its own (`bundle-worker.ts`), so bundles are indexed
 * side by side and each Pagefind service ends with its process.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { stagePages } from './bundle-pages.ts';

/** The language Pagefind indexes in: Chinese segmentation for every page. */
export const LANGUAGE = 'zh-cn';

/** Pagefind's ready-made search interfaces, which the site does not use (it has its own page). */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui)\.(?:js|css)$/u;

/** One bundle to index. */
export interface BundleJob {
  /** The built site. */
  site: string;
  /** The bundle's HTML files, relative to the site. */
  pages: string[];
  /** An empty folder to stage the pages in (removed afterwards). */
  stage: string;
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

/** Indexes `job.pages` in a fresh Pagefind service and writes the bundle to `job.outputPath`. */
export async function indexBundle({ site, pages, stage, outputPath }: BundleJob): Promise<void> {
  try {
    stagePages(site, pages, stage);
    const created = await pagefind.createIndex({ forceLanguage: LANGUAGE });
    check('start an index', created);
    const { index } = created;
    if (!index) throw new IndexingError('Pagefind started no index and reported no error.', RETRY_HINT);
    const added = await index.addDirectory({ path: stage });
    check(`index the pages in ${stage}`, added);
    if (added.page_count !== pages.length) {
      throw new Error(
        `Pagefind indexed ${String(added.page_count)} of the ${String(pages.length)} pages staged in ${stage}`,
      );
    }
    // Pagefind adds to a folder: clear it, so no file of an older index stays beside the new one.
    rmSync(outputPath, { recursive: true, force: true });
    check(`write the index to ${outputPath}`, await index.writeFiles({ outputPath }));
    for (const file of readdirSync(outputPath)) {
      if (UNUSED.test(file)) rmSync(join(outputPath, file));
    }
  } finally {
    await pagefind.close();
    rmSync(stage, { recursive: true, force: true });
  }
}
