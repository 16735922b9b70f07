/**
 * `npm run --silent parse -- [--strict] <file or dir>...`: prints
 * `{"articles": ArticleRecord[], "diagnostics": Diagnostic[]}` as JSON. Exit 0 without errors,
 * 1 with errors (with warnings too under `--strict`), 2 on a usage mistake.
 */
import { hasErrors, parseSeeds } from '../src/lib/index.ts';
import { readSeeds } from './lib/read-seeds.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const paths = args.filter((arg) => arg !== '--strict');
const unknown = paths.filter((arg) => arg.startsWith('--'));
if (paths.length === 0 || unknown.length > 0) {
  process.stderr.write(
    `${unknown.length > 0 ? `Unknown option ${unknown.join(', ')}. ` : ''}Usage: npm run --silent parse -- [--strict] <seed file or folder>...\n`,
  );
  process.exit(2);
}

const read = readSeeds(paths);
const result = parseSeeds(read.inputs);
const diagnostics = [...read.diagnostics, ...result.diagnostics];
process.stdout.write(`${JSON.stringify({ articles: result.articles, diagnostics }, null, 2)}\n`);
process.exitCode = hasErrors(diagnostics, strict) ? 1 : 0;
