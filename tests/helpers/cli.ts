import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './site.ts';

/**
 * Runs a command-line entry point, `scripts/<name>.ts`, the way `npm run <name>` does (through
 * tsx, from the project root) but in this test's own Node process binary, without npm's and tsx's
 * launchers: three processes fewer per run. `tests/parser/cli.test.ts` checks that the npm
 * scripts are exactly these commands.
 */
export function runScript(
  name: 'parse' | 'check',
  args: readonly string[],
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', join('scripts', `${name}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}
