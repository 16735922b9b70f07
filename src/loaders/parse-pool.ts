/**
 * Parses many seeds at once on every CPU: a full build parses thousands of seeds, and one
 * thread alone leaves the other CPUs idle while the content store waits for them. A few seeds
 * (a new day's) are parsed in the loader's own thread, where starting threads would cost more
 * than it saves.
 */
import type { ParseResult } from '../lib/index.ts';
import { defaultThreads, runInThreads } from '../integrations/thread-pool.ts';
import { parseAndKeep, type ParseJob } from './parse-job.ts';

/** Fewer seeds than this are parsed in the calling thread. */
export const THREADED_FROM = 64;

/**
 * Each job's parse, in the order of `jobs`, each also kept in its job's file. With `threads`
 * (default: the CPUs available, at most eight) above one and at least `THREADED_FROM` jobs, the
 * jobs are shared out to that many threads (`parse-worker.ts`), each given the next job as soon
 * as it answers; the first thread that fails stops them all and its error is thrown.
 */
export async function parseInThreads(jobs: readonly ParseJob[], threads = defaultThreads()): Promise<ParseResult[]> {
  if (threads < 2 || jobs.length < THREADED_FROM) return jobs.map(parseAndKeep);
  return runInThreads<ParseResult>(new URL('./parse-worker.ts', import.meta.url), jobs, threads);
}
