/**
 * Runs many jobs of one kind on every CPU: each of a few threads (`workerUrl`, a module that
 * answers each `{ index, job }` message with `{ index, result }`) is given the next job as soon
 * as it answers. The build's long runs of like work (parsing thousands of seeds, reading the
 * fragments of 100,000 pages) otherwise leave the other CPUs idle.
 */
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';

/** The most threads, however many CPUs there are: each thread loads its code and libraries anew. */
const MOST_THREADS = 8;

/** The threads a pool starts by default: the CPUs available, at most `MOST_THREADS`. */
export function defaultThreads(): number {
  return Math.min(availableParallelism(), MOST_THREADS);
}

/**
 * Each job's result, in the order of `jobs`, worked out by `threads` threads (at most one a job)
 * running `workerUrl`; the first thread that fails, or ends before the jobs are done, stops them
 * all and its error is thrown. The threads are ended before it returns.
 */
export async function runInThreads<Result>(
  workerUrl: URL,
  jobs: readonly unknown[],
  threads = defaultThreads(),
): Promise<Result[]> {
  if (jobs.length === 0) return [];
  const results: Result[] = new Array<Result>(jobs.length);
  const workers = Array.from({ length: Math.max(1, Math.min(threads, jobs.length)) }, () => new Worker(workerUrl));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              const index = next;
              next += 1;
              if (index < jobs.length) worker.postMessage({ index, job: jobs[index] });
              else resolve();
            };
            worker.on('message', ({ index, result }: { index: number; result: Result }) => {
              results[index] = result;
              give();
            });
            worker.once('error', reject);
            worker.once('messageerror', reject);
            worker.once('exit', (code) => {
              reject(new Error(`A thread of ${workerUrl.pathname} ended early (exit code ${String(code)}).`));
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

/** In a pool's thread: answers each job the pool gives it with `work(job)`, until the pool ends the thread. */
export function serveJobs(work: (job: never) => unknown): void {
  // The job is whatever the pool was given for `work` (`runInThreads`' `jobs`).
  parentPort?.on('message', ({ index, job }: { index: number; job: never }) => {
    parentPort?.postMessage({ index, result: work(job) });
  });
}
