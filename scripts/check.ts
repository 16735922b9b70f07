/**
 * `npm run check -- [--strict] [<file or folder>...]`: parses every seed without building and
 * prints each diagnostic as `file:line: severity rule: message`, then a summary line. Under
 * GitHub Actions (GITHUB_ACTIONS=true) it also prints `::warning`/`::error` annotations. The
 * default path is $SEEDS_DIR, else `seeds/`. `--strict` makes warnings errors. Exit 0 without
 * errors, 1 with errors, 2 on a usage mistake.
 */
import { formatDiagnostic, hasErrors, parseSeeds, type Diagnostic } from '../src/lib/index.ts';
import { annotation } from './lib/annotations.ts';
import { readSeeds } from './lib/read-seeds.ts';

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const named = args.filter((arg) => arg !== '--strict');
const unknown = named.filter((arg) => arg.startsWith('--'));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown option ${unknown.join(', ')}. Usage: npm run check -- [--strict] [<seed file or folder>...]\n`,
  );
  process.exit(2);
}
const paths = named.length > 0 ? named : [process.env.SEEDS_DIR ?? 'seeds'];

const read = readSeeds(paths);
const result = parseSeeds(read.inputs);
const diagnostics: Diagnostic[] = [...read.diagnostics, ...result.diagnostics].map((d) =>
  strict && d.severity === 'warning' ? { ...d, severity: 'error' } : d,
);
const annotate = process.env.GITHUB_ACTIONS === 'true';
const lines: string[] = [];
for (const d of diagnostics) {
  lines.push(formatDiagnostic(d));
  if (annotate) lines.push(annotation(d));
}
const errors = diagnostics.filter((d) => d.severity === 'error').length;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
lines.push(
  `${plural(read.files.length, 'seed')}, ${plural(result.articles.length, 'item')}: ${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}${strict ? ' (--strict: warnings count as errors)' : ''}`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = hasErrors(diagnostics) ? 1 : 0;
