/**
 * `npm run --silent parse -- [--strict] <file or dir>...`: prints
 * `{"articles": ArticleRecord[], "diagnostics": Diagnostic[]}` as JSON. Exit 0 without errors,
 * 1 with errors (with warnings too under `--strict`), 2 on a usage mistake.
 */
import { hasErrors, parseSeeds } from '../src/lib/index.ts';
import { readArgs } from './lib/cli-args.ts';
import { readSeeds } from './lib/read-seeds.ts';

const USAGE = 'npm run --silent parse -- [--strict] <seed file or folder>...';
const { values, positionals: paths } = readArgs({ strict: { type: 'boolean', default: false } }, USAGE);
if (paths.length === 0) {
  process.stderr.write(`No seed file or folder given.\nUsage: ${USAGE}\n`);
  process.exit(2);
}

const read = readSeeds(paths);
const result = parseSeeds(read.inputs);
const diagnostics = [...read.diagnostics, ...result.diagnostics];
process.stdout.write(`${JSON.stringify({ articles: result.articles, diagnostics }, null, 2)}\n`);
process.exitCode = hasErrors(diagnostics, values.strict) ? 1 : 0;
