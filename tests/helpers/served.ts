import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

/** A built site served on 127.0.0.1 and a Chromium to open it in. */
export interface Served {
  /** The static server of the site (`server.origin` is its address). */
  server: StaticServer;
  /** Debian's Chromium, headless. */
  browser: Browser;
}

/**
 * Serves `dist` and launches Chromium before the tests of the file (or `describe` block) that
 * calls it, and closes both after them. The fields are set once `beforeAll` has run.
 */
export function servedInChromium(dist: string): Served {
  const served: Partial<Served> = {};
  beforeAll(async () => {
    served.server = await serveStatic(dist);
    served.browser = await launchChromium();
  });
  // Only what was started: a failed set-up reports its own error, not one from closing nothing.
  afterAll(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served as Served;
}
