import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { filesUnder, ROOT } from '../../helpers/site.ts';

const dist = inject('siteDist');
const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

it('validates every HTML page with the Nu HTML Checker with zero errors', () => {
  const pages = filesUnder(dist)
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dist, file));
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(run.stderr || '{"messages":[]}') as {
    messages: { type: string; url: string; message: string; extract?: string }[];
  };
  const errors = report.messages
    .filter((m) => m.type === 'error')
    .map((m) => `${m.url.replace(`file:${dist}`, '')}: ${m.message}`);
  expect(errors).toEqual([]);
}, 120_000);
