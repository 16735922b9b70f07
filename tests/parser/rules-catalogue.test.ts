import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnostic, diagnosticSchema, RULE_IDS, RULES, type Diagnostic } from '../../src/lib/index.ts';

const root = join(import.meta.dirname, '..', '..');

/** The rows of the README's table of rules, as cells with Markdown escapes undone. */
function readmeRows(): string[][] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const table = /<!-- rules:start -->([\s\S]*?)<!-- rules:end -->/u.exec(readme)?.[1];
  if (table === undefined) throw new Error('README.md has no <!-- rules:start --> … <!-- rules:end --> block');
  return table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/u)
        .map((cell) => cell.trim().replaceAll('\\|', '|')),
    );
}

describe('the catalogue of diagnostic rules', () => {
  it('is the README’s table of rules, row for row (regenerate with npm run --silent check -- --list-rules)', () => {
    expect(readmeRows()).toEqual(
      RULE_IDS.map((id) => [`\`${id}\``, RULES[id].severity, RULES[id].summary, RULES[id].hint]),
    );
  });

  it('lists only rules the parser reports', () => {
    const dir = join(root, 'src', 'lib');
    const sources = readdirSync(dir)
      .filter((name) => name.endsWith('.ts') && name !== 'rules.ts')
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('\n');
    expect(RULE_IDS.filter((id) => !sources.includes(`'${id}'`))).toEqual([]);
  });

  it('gives every rule a schema-valid diagnostic with its severity, and the hint after the message', () => {
    for (const id of RULE_IDS) {
      // Any details will do: the messages only interpolate them.
      const report = diagnostic as (file: string, line: number, id: string, ...details: unknown[]) => Diagnostic;
      const d = report('page.txt', 3, id, '甲', '乙');
      expect(diagnosticSchema.parse(d)).toEqual(d);
      expect(d.severity).toBe(RULES[id].severity);
      expect(d.message.endsWith(RULES[id].hint)).toBe(true);
    }
  });
});
