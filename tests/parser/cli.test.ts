import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, type ParseResult } from '../../src/lib/index.ts';
import { runScript } from '../helpers/cli.ts';
import { ROOT } from '../helpers/site.ts';

/** Runs the parse CLI (`npm run parse -- …`) and returns its exit code and parsed stdout. */
function parse(...args: string[]): { status: number | null; json: ParseResult; stderr: string } {
  const run = runScript('parse', args);
  return { status: run.status, json: (run.stdout ? JSON.parse(run.stdout) : {}) as ParseResult, stderr: run.stderr };
}

describe('the npm scripts', () => {
  it('run the CLIs through tsx, as the tests run them', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect([scripts.parse, scripts.check]).toEqual(['tsx scripts/parse.ts', 'tsx scripts/check.ts']);
  });

  it('npm run check -- --list-rules prints the catalogue of rules as a table', () => {
    const run = spawnSync('npm', ['run', '--silent', 'check', '--', '--list-rules'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const id of RULE_IDS) expect(run.stdout).toContain(`| \`${id}\` |`);
  });
});

describe('parse CLI', () => {
  it('prints the real seed as {articles, diagnostics} and exits 0', () => {
    const { status, json } = parse('seeds/000_3fa1046521e36f31.txt');
    expect(status).toBe(0);
    expect(json.articles).toHaveLength(6);
    expect(json.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('exits 1 under --strict when there are warnings', () => {
    expect(parse('--strict', 'seeds').status).toBe(1);
  });

  it('exits 1 with an error for an undecodable file and still parses the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x80, 0x81, 0xff, 0xfe, 0x00, 0xc0]));
    writeFileSync(join(dir, 'good.txt'), '# 标题文字\n\n记者获悉，工作进展顺利。\n');
    const { status, json } = parse(dir);
    expect(status).toBe(1);
    expect(json.articles.map((a) => a.headline)).toEqual(['标题文字']);
    expect(json.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ rule: 'decode/invalid', line: 0 });
  });

  it('fails fast with usage when given no path', () => {
    const { status, stderr } = parse();
    expect(status).toBe(2);
    expect(stderr).toContain('Usage');
  });

  it('rejects an unknown option with usage (node:util parseArgs)', () => {
    const { status, stderr } = parse('--nope', 'seeds');
    expect(status).toBe(2);
    expect(stderr).toContain("Unknown option '--nope'");
    expect(stderr).toContain('Usage');
  });
});
