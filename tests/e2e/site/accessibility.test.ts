import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../../scripts/lib/static-server.ts';
import { axeViolations, openPage } from '../../helpers/axe.ts';
import { printedPagePath, recordsOf } from '../../helpers/site.ts';

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
  server = await serveStatic(inject('siteDist'));
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
        // Only the 404 page may answer 404: a missing page must not be checked in its place.
        await openPage(page, server.origin + path, name === '404' ? 404 : 200);
        const violations = await axeViolations(page);
        await page.close();
        expect(violations).toEqual([]);
      });
    }
  }
});

describe('the axe check itself', () => {
  it('fails on a page that does not answer as expected, so no 404 page is checked in place of the one meant', async () => {
    const page = await browser.newPage();
    try {
      await expect(openPage(page, `${server.origin}/no-such-page/`)).rejects.toThrow(/answered 404, not 200/u);
    } finally {
      await page.close();
    }
  });

  it('fails when axe-core does not load in the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'not-axe-'));
    const page = await browser.newPage();
    try {
      writeFileSync(join(dir, 'not-axe.js'), '/* not axe-core */\n');
      await openPage(page, `${server.origin}/`);
      await expect(axeViolations(page, join(dir, 'not-axe.js'))).rejects.toThrow(/axe-core did not load/u);
    } finally {
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
