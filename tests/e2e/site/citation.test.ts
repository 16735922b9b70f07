import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseSeed } from '../../../src/lib/index.ts';
import { servedInChromium } from '../../helpers/served.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';

const dist = inject('siteDist');
const GOLDEN = join(import.meta.dirname, '..', '..', 'site-unit', 'golden');
const golden = (name: string) => readFileSync(join(GOLDEN, name), 'utf8');
/** The real seed's items, in the goldens' order. */
const ids = parseSeed({
  file: '000_3fa1046521e36f31.txt',
  content: readFileSync(join(FIXTURES, 'real-seed', 'seed.txt')),
}).articles.map((record) => record.id);
/** Each item's text of a golden file of the six, in the order of `ids`. */
const expected = {
  gbt: golden('real-seed.gbt7714.txt').split('\n').slice(0, -1),
  bibtex: golden('real-seed.bib').split(/\n(?=@article\{)/u),
  ris: golden('real-seed.ris').split(/\n(?=TY {2}- )/u),
  csl: (JSON.parse(golden('real-seed.csl.json')) as unknown[]).map((item) => `${JSON.stringify([item], null, 2)}\n`),
};
/** The goldens cite the items at https://example.org; the fixture site is built for localhost. */
const asGolden = (text: string) => text.replaceAll('http://localhost:4321/', 'https://example.org/');

const served = servedInChromium(dist);

/** Opens an item's page; `problems` collects script errors and console errors (CSP violations among them). */
async function open(page: Page, id: string, problems: string[]): Promise<void> {
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${served.server.origin}/articles/${id}/`);
}

describe('the citation block in Chromium, under the Content-Security-Policy', () => {
  it("makes BibTeX, RIS and CSL-JSON of the real seed's six items equal to the goldens", async () => {
    expect(ids).toHaveLength(6);
    expect(expected.bibtex).toHaveLength(6);
    expect(expected.ris).toHaveLength(6);
    for (const [i, id] of ids.entries()) {
      const page = await served.browser.newPage();
      try {
        const problems: string[] = [];
        await open(page, id, problems);
        await page.locator('#citation-csl').waitFor({ state: 'attached' });
        const text = async (selector: string) => asGolden((await page.locator(selector).textContent()) ?? '');
        expect(await text('#citation-gbt'), id).toBe(expected.gbt[i]);
        expect(await text('#citation-bibtex'), id).toBe(expected.bibtex[i]);
        expect(await text('#citation-ris'), id).toBe(expected.ris[i]);
        expect(await text('#citation-csl'), id).toBe(expected.csl[i]);
        // The formats wait, folded, under their summary; the note for readers without JavaScript is not shown.
        expect(await page.locator('.citation details').getAttribute('open')).toBeNull();
        expect(await page.locator('.citation summary').textContent()).toBe('BibTeX、RIS、CSL-JSON');
        expect(await page.locator('.citation-hint').innerText()).toBe('GB/T 7714-2015 报纸析出文献格式。');
        expect(await page.locator('.citation-gbt button').isVisible()).toBe(true);
        expect(problems, id).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it('copies and downloads the texts it shows', async () => {
    const context = await served.browser.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.server.origin });
    const page = await context.newPage();
    try {
      const problems: string[] = [];
      const [id = ''] = ids;
      await open(page, id, problems);
      const status = page.locator('[data-citation-status]');
      await page.locator('.citation-gbt button').click();
      await expect.poll(() => status.textContent()).toBe('已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.gbt[0]);

      await page.locator('.citation summary').click();
      const ris = page.locator('.citation-format', { has: page.locator('#citation-ris') });
      await ris.getByRole('button', { name: '复制' }).click();
      expect(asGolden(await page.evaluate(() => navigator.clipboard.readText()))).toBe(expected.ris[0]);

      for (const [key, extension] of [
        ['bibtex', 'bib'],
        ['ris', 'ris'],
        ['csl', 'json'],
      ] as const) {
        const format = page.locator('.citation-format', { has: page.locator(`#citation-${key}`) });
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          format.getByRole('button', { name: `下载 .${extension}` }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${id}.${extension}`);
        expect(asGolden(readFileSync(await download.path(), 'utf8'))).toBe(expected[key][0]);
        await expect.poll(() => status.textContent()).toBe(`已下载 ${id}.${extension}`);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('loads one small script of its own, which imports nothing (no Astro, no Node module)', () => {
    const page = readFileSync(join(dist, 'articles', ids[0] ?? '', 'index.html'), 'utf8');
    const scripts = [...page.matchAll(/<script type="module" src="([^"]+)"/gu)].map(([, src = '']) =>
      readFileSync(join(dist, src), 'utf8'),
    );
    const client = scripts.filter((script) => script.includes('[data-citation]'));
    expect(client).toHaveLength(1);
    expect(client[0]).not.toMatch(/\bimport\b/u);
    expect(Buffer.byteLength(client[0] ?? '')).toBeLessThan(6000);
  });

  it('without JavaScript shows the GB/T 7714 line, the URL and a note, and no button', async () => {
    const context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      const [id = ''] = ids;
      await page.goto(`${served.server.origin}/articles/${id}/`);
      expect(await page.locator('#citation-gbt').textContent()).toBe(expected.gbt[0]);
      expect(await page.locator('.citation-url a').isVisible()).toBe(true);
      expect(await page.locator('.citation button').count()).toBe(0);
      expect(await page.locator('.citation details').count()).toBe(0);
      expect(await page.locator('.citation-hint').innerText()).toBe(
        'GB/T 7714-2015 报纸析出文献格式。BibTeX、RIS、CSL-JSON 格式需启用 JavaScript。',
      );
    } finally {
      await context.close();
    }
  });
});
