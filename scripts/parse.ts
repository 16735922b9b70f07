/**
 * `npm run --silent parse -- [--strict] <file or dir>...`: prints
 * `{"articles": ArticleRecord[], "diagnostics": Diagnostic[]}` as JSON. Exit 0 without errors,
 * 1 with errors (with warnings too under `--strict`), 2 on a usage mistake.
 */
import {
  hasErrors,
  listSeedFiles,
  parseSeeds,
  readSeedFile,
  type Diagnostic,
  type SeedInput,
} from '../src/lib/index.ts';

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

const listed = listSeedFiles(paths);
const inputs: SeedInput[] = [];
const diagnostics: Diagnostic[] = [...listed.diagnostics];
for (const file of listed.files) {
  const read = readSeedFile(file);
  if ('content' in read) inputs.push(read);
  else diagnostics.push(read);
}
const result = parseSeeds(inputs);
diagnostics.push(...result.diagnostics);
process.stdout.write(`${JSON.stringify({ articles: result.articles, diagnostics }, null, 2)}\n`);
process.exitCode = hasErrors(diagnostics, strict) ? 1 : 0;
