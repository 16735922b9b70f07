/**
 * A thread that reads Pagefind fragments beside the phrase-index step (`fragment-ids.ts`): for
 * each bundle it receives it answers with the job's number and the bundle's article ids and
 * fragment hashes.
 */
import { readFragmentIds } from './fragment-ids.ts';
import { serveJobs } from './thread-pool.ts';

serveJobs(readFragmentIds);
