import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { printedPagePath, recordsOf } from '../../helpers/site.ts';

// axe is served from the site's own origin, so the pages' Content-Security-Policy stays on.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const { articles } = recordsOf(inject('siteSeeds'));
/** The first record that `accept` holds for; the fixtures must have one, else the page to check is missing. */
function needed(what: string, accept: (r: (typeof articles)[number]) => boolean) {
  const found = articles.find(accept);
  if (!found) throw new Error(`The fixture site has no ${what}: add a fixture with one.`);
  return found;
}
const article = needed('article with in-body subheads and a dated byline', (r) =>
  Boolean(r.sections.some((s) => s.heading) && r.byline?.names[0] && r.date),
);
const reporter = article.byline?.names[0] ?? '';
const pages = {
  home: '/',
  'printed page': printedPagePath(articles, article.seedId),
  issue: `${printedPagePath(articles, article.seedId).split('/').slice(0, 4).join('/')}/`,
  article: `/articles/${article.id}/`,
  'photo item': `/articles/${needed('photo item', (r) => r.kind === 'photo').id}/`,
  archive: '/archive/',
  month: `/archive/${article.date?.slice(0, 4) ?? ''}/${article.date?.slice(5, 7) ?? ''}/`,
  search: '/search/?q=京津冀',
  reporter: `/reporters/${encodeURIComponent(reporter)}/`,
  '404': '/no-such-page/',
};

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic(inject('siteDist'), { '/__axe.min.js': AXE });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

describe('axe-core in Chromium', () => {
  for (const [name, path] of Object.entries(pages)) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`reports no violations on the ${name} page (${scheme})`, async () => {
        const page = await browser.newPage({ colorScheme: scheme });
        const response = await page.goto(server.origin + path);
        // Only the 404 page may answer 404: a missing page must not be checked in its place.
        expect(response?.status()).toBe(name === '404' ? 404 : 200);
        await page.addScriptTag({ url: '/__axe.min.js' });
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as {
              axe: { run: () => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe.run();
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        await page.close();
        expect(violations).toEqual([]);
      });
    }
  }
});
