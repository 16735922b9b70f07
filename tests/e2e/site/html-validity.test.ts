import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { filesUnder, ROOT } from '../../helpers/site.ts';

const dists = [inject('siteDist'), inject('daysDist')];
const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

it('validates every HTML page of both fixture sites with the Nu HTML Checker with zero errors', () => {
  const pages = dists.flatMap((dist) =>
    filesUnder(dist)
      .filter((file) => file.endsWith('.html'))
      .map((file) => join(dist, file)),
  );
  expect(pages.length).toBeGreaterThan(10);
  expect(existsSync(VNU), `${VNU} is missing: run npm ci`).toBe(true);
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...pages], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.error, 'Java is needed for the Nu HTML Checker: run sudo bash scripts/install-system-packages.sh').toBe(
    undefined,
  );
  // The checker reports on stderr as JSON, also when it finds nothing; anything else is a failure to run.
  const report = JSON.parse(run.stderr) as {
    messages: { type: string; url: string; message: string; extract?: string }[];
  };
  const errors = report.messages.filter((m) => m.type === 'error').map((m) => `${m.url}: ${m.message}`);
  expect(errors).toEqual([]);
}, 120_000);
