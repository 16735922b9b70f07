/**
 * A thread that reads Pagefind fragments beside the phrase-index step (`fragment-ids.ts`): for
 * each bundle it receives it answers with the job's number and the bundle's article ids and
 * fragment hashes.
 */
import { parentPort } from 'node:worker_threads';
import { readFragmentIds, type FragmentJob } from './fragment-ids.ts';

parentPort?.on('message', ({ index, job }: { index: number; job: FragmentJob }) => {
  parentPort?.postMessage({ index, result: readFragmentIds(job) });
});
