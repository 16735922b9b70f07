/**
 * The search page as a reader meets it beyond the results' quality: what a cold search fetches
 * (the phrase index's shards and only the fragments of the results it shows), the empty page
 * loading no index, headline matches first, the status line, history entries per query, a
 * 390 px phone, dark mode with highlights under axe, and the page without JavaScript.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openPage } from '../../helpers/axe.ts';
import { truthOf } from './queries.ts';
import { openSearchSite, type SearchSite } from './site.ts';

let site: SearchSite;

beforeAll(async () => {
  site = await openSearchSite();
}, 300_000);

afterAll(async () => {
  await site.close();
});

/** A fresh page (own context, so a cold cache) that records the paths it requests. */
async function freshPage(options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<{
  page: Page;
  requests: string[];
  close: () => Promise<void>;
}> {
  const context = await site.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: options.width ? 844 : 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  return { page, requests, close: () => context.close() };
}

/** Waits until the search page has finished its first page of results. */
async function done(page: Page): Promise<void> {
  await page.locator('#search-status[data-state="done"], #search-status[data-state="error"]').waitFor();
  expect(await page.locator('#search-status').getAttribute('data-state')).toBe('done');
}

/** The titles of the results shown. */
function titles(page: Page): Promise<string[]> {
  return page.locator('#search-results > li .item-title').allTextContents();
}

describe('what a search fetches', () => {
  for (const query of ['全国', '京津冀', '科技创新', '清明']) {
    it(`a cold search for ${query} fetches the fragments of the results it shows and no other`, async () => {
      const { page, requests, close } = await freshPage();
      await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent(query)}`);
      await done(page);
      const shown = await page.locator('#search-results > li').count();
      const fragments = requests.filter((path) => path.includes('/fragment/'));
      expect(shown).toBeGreaterThan(0);
      expect(fragments).toHaveLength(shown);
      expect(new Set(fragments).size).toBe(fragments.length);
      // The phrase index answered: its shards were fetched.
      expect(requests.some((path) => path.startsWith('/search-index/p/'))).toBe(true);
      await close();
    });
  }

  it('the empty search page loads no index and no Pagefind until a query is typed', async () => {
    const { page, requests, close } = await freshPage();
    await page.goto(`${site.server.origin}/search/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => /^\/(?:pagefind|search-index)\//u.test(path))).toEqual([]);
    await page.locator('#q').pressSequentially('京津冀');
    await done(page);
    expect(requests.some((path) => path.startsWith('/search-index/'))).toBe(true);
    await close();
  });
});

describe('ranking and the status line', () => {
  it('puts the item headed 科技创新实现新突破 first for 科技创新', async () => {
    const { page, close } = await freshPage();
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('科技创新')}`);
    await done(page);
    expect((await titles(page))[0]).toBe('科技创新实现新突破');
    const status = (await page.locator('#search-status').textContent()) ?? '';
    expect(status).toContain(`找到 ${truthOf(site.records, '科技创新').length} 篇包含完整词句的稿件`);
    await close();
  });

  it('never says that 0 items hold the whole query among those it found', async () => {
    const { page, close } = await freshPage();
    // Words that Pagefind finds apart but no item holds together.
    for (const query of ['全国 天宫画展', '京津冀 清明', '天宫 全国']) {
      await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent(query)}`);
      await done(page);
      const status = (await page.locator('#search-status').textContent()) ?? '';
      expect(status).not.toMatch(/其中 0 篇/u);
      expect(status).not.toMatch(/找到 0 篇/u);
    }
    await close();
  });
});

describe('history', () => {
  it('gives each query its own history entry, so Back returns to the previous results', async () => {
    const { page, close } = await freshPage();
    await page.goto(`${site.server.origin}/search/`);
    await page.locator('#q').fill('京津冀');
    await page.locator('#q').press('Enter');
    await done(page);
    const first = await titles(page);
    await page.locator('#q').fill('天宫画展');
    await page.locator('#q').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('天宫画展');
    await done(page);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('京津冀');
    await expect.poll(() => page.locator('#q').inputValue()).toBe('京津冀');
    await done(page);
    expect(await titles(page)).toEqual(first);
    await close();
  });
});

describe('on a phone and in dark mode', () => {
  it('shows the first result above the fold at 390 px, within the half of the screen a keyboard leaves', async () => {
    const { page, close } = await freshPage({ width: 390 });
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('科技创新')}`);
    await done(page);
    const box = await page.locator('#search-results > li').first().boundingBox();
    expect(box?.y).toBeLessThan(844 / 2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
    await close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe violations with highlighted results showing (${scheme})`, async () => {
      const { page, close } = await freshPage({ colorScheme: scheme });
      await openPage(page, `${site.server.origin}/search/?q=${encodeURIComponent('全国')}`);
      await done(page);
      expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      await close();
    });
  }
});

describe('without JavaScript', () => {
  it('keeps the query in the URL and offers browsing by date, reporter and place', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('京津冀')}`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('京津冀');
    const links = page.locator('.search-browse a');
    const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toEqual(expect.arrayContaining(['/archive/', '/reporters/', '/places/']));
    await expect.poll(() => links.first().isVisible()).toBe(true);
    await context.close();
  });
});
