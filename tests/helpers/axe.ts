import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build; resolving it fails at once when axe-core is not installed. */
export const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Where pages load axe from: their own origin, so the site's Content-Security-Policy stays on. */
const AXE_PATH = '/__axe.min.js';

/** One axe violation as the results of `axe.run()` give it. */
interface Violation {
  id: string;
  nodes: { target: string[] }[];
}

/**
 * Opens `url` in `page` and fails unless it answers `status` (200 unless told): a missing page
 * must not be checked in place of the one meant (a 404 page passes axe just as well).
 */
export async function openPage(page: Page, url: string, status = 200): Promise<void> {
  const response = await page.goto(url);
  const answered = response?.status();
  if (answered !== status) {
    throw new Error(`${url} answered ${answered ?? 'nothing'}, not ${status}: the page to check is missing.`);
  }
}

/**
 * Runs axe-core on the page as it stands and returns its violations as `rule: target, …`
 * lines (a page passes when there are none). axe is served at the page's own origin; the
 * check fails, never passes, when it cannot load or run there. `script` is the file served
 * as axe (axe-core's own unless told).
 */
export async function axeViolations(page: Page, script = AXE_SCRIPT): Promise<string[]> {
  const body = readFileSync(script);
  await page.route(`**${AXE_PATH}`, (route) => route.fulfill({ body, contentType: 'text/javascript' }));
  await page.addScriptTag({ url: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe?: { run?: () => Promise<{ violations: Violation[] }> } };
    if (typeof axe?.run !== 'function') return undefined;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  if (!violations) throw new Error(`axe-core did not load in ${page.url()} from ${script}.`);
  return violations;
}
