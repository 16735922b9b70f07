/**
 * A thread that parses seeds beside the loader (`parse-pool.ts`): for each job it receives it
 * parses the seed, keeps the parse in the job's cache file and answers with the job's number
 * and the parse. Node runs it from its TypeScript source, so the parser's code stays free of
 * syntax that only a compiler can remove (`erasableSyntaxOnly` in tsconfig.json).
 */
import { parentPort } from 'node:worker_threads';
import { parseAndKeep, type ParseJob } from './parse-job.ts';

parentPort?.on('message', ({ index, job }: { index: number; job: ParseJob }) => {
  parentPort?.postMessage({ index, result: parseAndKeep(job) });
});
