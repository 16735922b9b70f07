import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { siteUrlCheck } from '../../src/integrations/site-url.ts';

/** Runs the integration's config hook as `astro <command>` would, with a logger that records warnings. */
function run(env: NodeJS.ProcessEnv, command: 'build' | 'dev' = 'build'): string[] {
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as unknown as AstroIntegrationLogger;
  const hook = siteUrlCheck(env).hooks['astro:config:setup'] as unknown as (options: object) => void;
  hook({ command, logger });
  return warnings;
}

describe('a build that does not know its URL says so', () => {
  it('fails a CI build without SITE_URL, saying what to set', () => {
    expect(() => run({ CI: 'true' })).toThrow(/SITE_URL is not set/u);
    try {
      run({ CI: 'true' });
    } catch (error) {
      expect((error as { hint?: string }).hint).toMatch(/SITE_URL=https:\/\/example\.github\.io/u);
    }
  });
  it('warns loudly outside CI', () => {
    const warnings = run({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Do not deploy this build/u);
  });
  it('is silent when SITE_URL is set, and under astro dev', () => {
    expect(run({ CI: 'true', SITE_URL: 'https://example.org' })).toEqual([]);
    expect(run({ CI: 'true' }, 'dev')).toEqual([]);
  });
});
