/**
 * Which article each Pagefind fragment is of: a fragment is gzip of `pagefind_dcd` and the page's
 * JSON, whose `url` names the article (`/articles/<id>/`). Reading 100,000 of them is a long run
 * of like work, so many bundles are read on every CPU (`fragment-worker.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultThreads, runInThreads } from './thread-pool.ts';

/** Pagefind's signature in front of every decompressed file. */
const SIGNATURE = 'pagefind_dcd';

/** The article id in a fragment's URL (`/articles/<id>/`). */
const ARTICLE_URL = /\/articles\/([^/?#]+)\/?$/u;

/** Fewer fragments than this in all are read in the calling thread by default: starting threads would cost more. */
const THREADED_FROM = 4_000;

/** A bundle's fragment folder and the fragment files in it to read. */
export interface FragmentJob {
  /** The folder (`<bundle>/fragment`). */
  folder: string;
  /** The fragment files' names. */
  files: readonly string[];
}

/** The article ids of one bundle's fragments and their hashes, read from the fragments. */
export function readFragmentIds({ folder, files }: FragmentJob): [id: string, hash: string][] {
  const located: [string, string][] = [];
  for (const file of files) {
    const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
    if (!text.startsWith(SIGNATURE)) throw new Error(`${join(folder, file)} is not a Pagefind fragment.`);
    const { url } = JSON.parse(text.slice(SIGNATURE.length)) as { url: string };
    const id = ARTICLE_URL.exec(url)?.[1];
    if (id) located.push([decodeURIComponent(id), file.slice(0, -'.pf_fragment'.length)]);
  }
  return located;
}

/**
 * `readFragmentIds` of each job, in the order of `jobs`, by `threads` threads (default: one, the
 * calling thread, under `THREADED_FROM` fragments in all, else the CPUs available).
 */
export async function readFragmentIdsOf(
  jobs: readonly FragmentJob[],
  threads = jobs.reduce((sum, { files }) => sum + files.length, 0) < THREADED_FROM ? 1 : defaultThreads(),
): Promise<[id: string, hash: string][][]> {
  if (threads < 2 || jobs.length < 2) return jobs.map(readFragmentIds);
  return runInThreads(new URL('./fragment-worker.ts', import.meta.url), jobs, threads);
}
