import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotation } from '../../scripts/lib/annotations.ts';
import { runScript } from '../helpers/cli.ts';

/** A seed that parses without any diagnostic. */
const CLEAN = '---\ndate: 2026-04-01\n---\n\n# 标题文字\n\n新华社北京4月1日电　记者获悉，工作进展顺利。\n';

/** A seed with one warning: a paragraph cut by a column break (line 7 continues on line 9). */
const CUT = '---\ndate: 2026-04-01\n---\n\n# 标题文字\n\n新华社北京4月1日电　各地春耕工作进展\n\n顺利。\n';

/** Temporary folders made by the tests, removed at the end. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding the given seeds. */
function seeds(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Runs the check CLI (`npm run check -- …`) and returns its exit code and output lines. */
function check(args: string[], env: Record<string, string> = {}): { status: number | null; lines: string[] } {
  const run = runScript('check', args, { GITHUB_ACTIONS: '', ...env });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean) };
}

describe('check CLI', () => {
  it('exits 0 and prints a summary for clean seeds', () => {
    const { status, lines } = check([seeds({ 'a.txt': CLEAN })]);
    expect(status).toBe(0);
    expect(lines).toEqual(['1 seed, 1 item: 0 errors, 0 warnings']);
  });

  it('prints warnings as file:line: severity rule: message and exits 0', () => {
    const dir = seeds({ 'cut.txt': CUT });
    const { status, lines } = check([dir]);
    expect(status).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`^${join(dir, 'cut.txt')}:7: warning paragraph/column-break: Line 7 `, 'u'));
    expect(lines.at(-1)).toBe('1 seed, 1 item: 0 errors, 1 warning');
  });

  it('--strict makes warnings errors and exits 1', () => {
    const { status, lines } = check(['--strict', seeds({ 'cut.txt': CUT })]);
    expect(status).toBe(1);
    expect(lines[0]).toContain(':7: error paragraph/column-break:');
    expect(lines.at(-1)).toBe('1 seed, 1 item: 1 error, 0 warnings (--strict: warnings count as errors)');
  });

  it('exits 1 on an error and still checks the other seeds', () => {
    const dir = seeds({ 'bad.txt': Buffer.from([0x80, 0x81, 0xff, 0xfe, 0x00, 0xc0]), 'good.txt': CLEAN });
    const { status, lines } = check([dir]);
    expect(status).toBe(1);
    expect(lines.some((line) => line.includes('bad.txt:0: error decode/invalid:'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^2 seeds, 1 item: 1 error/u);
  });

  it('under GITHUB_ACTIONS=true also prints annotations', () => {
    const dir = seeds({ 'bad.txt': Buffer.from([0x80, 0x81, 0xff, 0xfe, 0x00, 0xc0]), 'cut.txt': CUT });
    const { lines } = check([dir], { GITHUB_ACTIONS: 'true' });
    const file = join(dir, 'cut.txt');
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^::warning file=${file},line=7,title=paragraph/column-break::Line 7 `, 'u')),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^::error file=${join(dir, 'bad.txt')},title=decode/invalid::`, 'u')),
    );
    const strict = check(['--strict', dir], { GITHUB_ACTIONS: 'true' });
    expect(strict.lines.filter((line) => line.startsWith('::warning'))).toEqual([]);
    expect(strict.lines.filter((line) => line.startsWith('::error'))).toHaveLength(2);
  });

  it('prints no annotations outside GitHub Actions', () => {
    const { lines } = check([seeds({ 'cut.txt': CUT })]);
    expect(lines.filter((line) => line.startsWith('::'))).toEqual([]);
  });

  it('checks $SEEDS_DIR when given no path', () => {
    const { status, lines } = check([], { SEEDS_DIR: seeds({ 'a.txt': CLEAN, 'b.txt': CLEAN }) });
    expect(status).toBe(0);
    expect(lines.at(-1)).toBe('2 seeds, 2 items: 0 errors, 0 warnings');
  });

  it('exits 2 on an unknown option', () => {
    expect(check(['--nope']).status).toBe(2);
  });
});

describe('annotation', () => {
  it('escapes what GitHub workflow commands reserve', () => {
    expect(
      annotation({
        file: 'seeds/a,b:c.txt',
        line: 3,
        rule: 'x/y',
        severity: 'warning',
        message: '100% sure\nnext line',
      }),
    ).toBe('::warning file=seeds/a%2Cb%3Ac.txt,line=3,title=x/y::100%25 sure%0Anext line');
  });

  it('leaves out line 0 (the whole file)', () => {
    expect(annotation({ file: 'a.txt', line: 0, rule: 'decode/invalid', severity: 'error', message: 'm' })).toBe(
      '::error file=a.txt,title=decode/invalid::m',
    );
  });
});
