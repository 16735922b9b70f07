/**
 * A thread that parses seeds beside the loader (`parse-pool.ts`): for each job it receives it
 * parses the seed, keeps the parse in the job's cache file and answers with the job's number
 * and the parse. Node runs it from its TypeScript source, so the parser's code stays free of
 * syntax that only a compiler can remove (`erasableSyntaxOnly` in tsconfig.json).
 */
import { serveJobs } from '../integrations/thread-pool.ts';
import { parseAndKeep } from './parse-job.ts';

serveJobs(parseAndKeep);
