/**
 * Parses many seeds at once on every CPU: a full build parses thousands of seeds, and one
 * thread alone leaves the other CPUs idle while the content store waits for them. A few seeds
 * (a new day's) are parsed in the loader's own thread, where starting threads would cost more
 * than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../lib/index.ts';
import { parseAndKeep, type ParseJob } from './parse-job.ts';

/** Fewer seeds than this are parsed in the calling thread. */
export const THREADED_FROM = 64;

/** The most threads, however many CPUs there are: each thread loads the parser and its libraries anew. */
const MOST_THREADS = 8;

/**
 * Each job's parse, in the order of `jobs`, each also kept in its job's file. With `threads`
 * (default: the CPUs available, at most `MOST_THREADS`) above one and at least `THREADED_FROM`
 * jobs, the jobs are shared out to that many threads, each given the next job as soon as it
 * answers; the first thread that fails stops them all and its error is thrown.
 */
export async function parseInThreads(
  jobs: readonly ParseJob[],
  threads = Math.min(availableParallelism(), MOST_THREADS),
): Promise<ParseResult[]> {
  if (threads < 2 || jobs.length < THREADED_FROM) return jobs.map(parseAndKeep);
  const results: ParseResult[] = new Array<ParseResult>(jobs.length);
  const workers = Array.from(
    { length: Math.min(threads, jobs.length) },
    () => new Worker(new URL('./parse-worker.ts', import.meta.url)),
  );
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const index = next;
              next += 1;
              const job = jobs[index];
              if (job) worker.postMessage({ index, job });
              else resolve();
            };
            worker.on('message', ({ index, result }: { index: number; result: ParseResult }) => {
              results[index] = result;
              give();
            });
            worker.once('error', reject);
            worker.once('messageerror', reject);
            worker.once('exit', (code) => {
              reject(new Error(`A seed-parsing thread ended early (exit code ${String(code)}).`));
            });
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
