/** Runs the Pagefind step's two halves on a built folder as `astro build` would. */
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { PagefindSteps } from '../../src/integrations/pagefind.ts';

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;
type ConfigDone = NonNullable<AstroIntegration['hooks']['astro:config:done']>;

/** The logger methods the steps call. */
export type StepLogger = Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;

/**
 * Runs `steps.start` then `steps.finish` on the built site `dir`, with Astro's cache folder in
 * `cacheDir` when given (no cache otherwise); `between` runs after `start` returned, where the
 * build runs the sitemap.
 */
export async function runPagefindSteps(
  steps: PagefindSteps,
  dir: string,
  logger: StepLogger,
  { cacheDir, between }: { cacheDir?: string; between?: () => void | Promise<void> } = {},
): Promise<void> {
  if (cacheDir) {
    const config = { cacheDir: pathToFileURL(`${cacheDir}/`) };
    await steps.start.hooks['astro:config:done']?.({ config, logger } as unknown as Parameters<ConfigDone>[0]);
  }
  const start = steps.start.hooks['astro:build:done'];
  const finish = steps.finish.hooks['astro:build:done'];
  if (!start || !finish) throw new Error('the Pagefind steps have no astro:build:done hooks');
  const done = { dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<BuildDone>[0];
  await start(done);
  await between?.();
  await finish(done);
}
