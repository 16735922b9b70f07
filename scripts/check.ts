/**
 * `npm run check -- [--strict] [<file or folder>...]`: parses every seed without building and
 * prints each diagnostic as `file:line: severity rule: message`, then a summary line. Under
 * GitHub Actions (GITHUB_ACTIONS=true) it also prints `::warning`/`::error` annotations. The
 * default path is $SEEDS_DIR, else `seeds/`. `--strict` makes warnings errors. Exit 0 without
 * errors, 1 with errors, 2 on a usage mistake. `--list-rules` prints the catalogue of rules as
 * the README's Markdown table instead.
 */
import { formatDiagnostic, hasErrors, parseSeeds, rulesTable, type Diagnostic } from '../src/lib/index.ts';
import { annotation } from './lib/annotations.ts';
import { readArgs } from './lib/cli-args.ts';
import { readSeeds } from './lib/read-seeds.ts';

const { values, positionals } = readArgs(
  { strict: { type: 'boolean', default: false }, 'list-rules': { type: 'boolean', default: false } },
  'npm run check -- [--strict] [<seed file or folder>...] | --list-rules',
);
if (values['list-rules']) {
  process.stdout.write(`${rulesTable()}\n`);
  process.exit(0);
}
const { strict } = values;
const paths = positionals.length > 0 ? positionals : [process.env.SEEDS_DIR ?? 'seeds'];

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
