/**
 * Reading the paper the way it was made, on the multi-day archive (tests/e2e/fixtures/multi-day):
 * issues by the day they were printed, their pages in order, 上一版/下一版, 前一期/后一期, the
 * calendar on a phone, 历史上的今天, old page URLs, and the phone furniture (masthead, tap targets).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { servedInChromium } from '../../helpers/served.ts';
import { axeViolations, openPage } from '../../helpers/axe.ts';
import { recordsOf } from '../../helpers/site.ts';

const dist = inject('daysDist');
const { articles } = recordsOf(inject('daysSeeds'));
const dom = (path: string) => parseHTML(readFileSync(join(dist, path, 'index.html'), 'utf8')).document;
const texts = (path: string, selector: string) =>
  [...dom(path).querySelectorAll(selector)].map((el) => el.textContent.replace(/\s+/gu, ' ').trim());
const hrefs = (path: string, selector: string) =>
  [...dom(path).querySelectorAll(selector)].map((el) => decodeURIComponent(el.getAttribute('href') ?? ''));

/** The item filed the day before its issue: the fixture must have one. */
const filedBefore = articles.find((r) => r.date && r.issue.date && r.date < r.issue.date);

describe('the multi-day archive, as built', () => {
  it('has an item whose dateline is the day before its issue, and lists it under its issue', () => {
    expect(filedBefore?.date).toBe('2026-03-31');
    expect(filedBefore?.issue.date).toBe('2026-04-01');
    expect(hrefs('2026/04/01', '.headline-list a')).toContain(`/articles/${filedBefore?.id ?? ''}/`);
    // March printed no issue: it has no month page, and April counts the item.
    expect(existsSync(join(dist, 'archive', '2026', '03'))).toBe(false);
    expect(texts('archive', '.index-list li')).toContain('2026年4月 3 期 · 8 个版面 · 13 篇');
  });

  it('lists each issue’s pages in page order with their headlines', () => {
    expect(texts('2026/04/01', '.page-directory-title')).toEqual(['第01版：要闻', '第02版：综合', '第03版：国际']);
    expect(texts('2026/04/01', '.page-directory > li:first-child .headline-list a')).toEqual([
      '全国春季植树造林全面展开',
      '一季度铁路发送旅客创新高',
    ]);
    expect(hrefs('2026/04/01', '.page-directory-title a')).toEqual([
      '/2026/04/01/01/',
      '/2026/04/01/02/',
      '/2026/04/01/03/',
    ]);
  });

  it('names every printed page by its issue date and page', () => {
    expect(texts('2026/04/01/02', 'h1')).toEqual(['2026年4月1日 第02版 · 综合']);
    expect(dom('2026/04/01/02').title).toBe('2026年4月1日 第02版 · 综合 - 新华报纸档案');
  });

  it('links 上一版/下一版 within the issue, none past its first and last page', () => {
    expect(hrefs('2026/04/01/02', '.prev-next a[rel=prev]')).toEqual(['/2026/04/01/01/']);
    expect(hrefs('2026/04/01/02', '.prev-next a[rel=next]')).toEqual(['/2026/04/01/03/']);
    expect(hrefs('2026/04/01/01', '.prev-next a[rel=prev]')).toEqual([]);
    expect(hrefs('2026/04/01/03', '.prev-next a[rel=next]')).toEqual([]);
    const article = articles.find((r) => r.seedId === '20260401-02');
    expect(texts(`articles/${article?.id ?? ''}`, '.article-nav .prev-next a')).toContain('← 上一版：第01版 · 要闻');
    expect(texts(`articles/${article?.id ?? ''}`, '.article-nav .prev-next a')).toContain('下一版：第03版 · 国际 →');
  });

  it('links 前一期/后一期 to the nearest days with an issue, across a year', () => {
    expect(hrefs('2026/04/01', '.issue-nav a[rel=prev]')).toEqual(['/2025/04/03/']);
    expect(hrefs('2026/04/01', '.issue-nav a[rel=next]')).toEqual(['/2026/04/02/']);
    expect(hrefs('2026/04/03', '.issue-nav a[rel=next]')).toEqual([]);
    expect(texts('2026/04/03', '.issue-nav-none')).toEqual(['已是最新一期']);
    expect(texts('2025/04/03', '.issue-nav-none')).toEqual(['已是最早一期']);
  });

  it('keeps the old /pages/<seed>/ URL as a redirect to the page’s new URL', () => {
    const old = dom('pages/20260401-02');
    expect(old.querySelector('meta[http-equiv=refresh]')?.getAttribute('content')).toBe('0; url=/2026/04/01/02/');
    expect(old.querySelector('main a')?.getAttribute('href')).toBe('/2026/04/01/02/');
    expect(old.querySelector('link[rel=canonical]')?.getAttribute('href')).toMatch(/\/2026\/04\/01\/02\/$/u);
  });

  it('gathers 历史上的今天 across the years, newest first, linked from each issue', () => {
    expect(texts('on-this-day/04-03', '.year-issue h2')).toEqual(['2026年4月3日 星期五', '2025年4月3日 星期四']);
    expect(hrefs('2026/04/03', '.lede a')).toEqual(['/on-this-day/04-03/']);
  });

  it('opens the home page on the newest issue and its day across the years, not on the build’s day', () => {
    expect(texts('', 'h1')).toEqual(['最新一期：2026年4月3日 星期五']);
    expect(hrefs('', '.on-this-day h2 a')).toEqual(['/on-this-day/04-03/']);
    expect(hrefs('', '.on-this-day h3 a')).toEqual(['/2025/04/03/']);
  });

  it('bounds a month page by its issue days', () => {
    expect(texts('archive/2026/04', '.issue-days h3')).toEqual([
      '2026年4月1日 星期三',
      '2026年4月2日 星期四',
      '2026年4月3日 星期五',
    ]);
  });
});

const served = servedInChromium(dist);

/** A page with JavaScript off (every page but search works without it) at `width`. */
async function open(path: string, width = 1280, javaScriptEnabled = false): Promise<Page> {
  const page = await served.browser.newPage({ viewport: { width, height: 800 }, javaScriptEnabled });
  const response = await page.goto(served.server.origin + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('walking the archive in Chromium, JavaScript off', () => {
  it('goes from the home page to the issue, through its pages and to the issues around it', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: '2026年4月3日 星期五' }).first().click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/03/');
    await page.getByRole('link', { name: '前一期：2026年4月2日 星期四' }).click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/02/');
    await page.getByRole('link', { name: '第01版：要闻' }).click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/02/01/');
    await page.getByRole('link', { name: /下一版/u }).click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/02/02/');
    await page.getByRole('link', { name: /下一版/u }).click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/02/03/');
    await expect(page.getByRole('link', { name: /下一版/u }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: /上一版/u }).click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/02/02/');
    await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '2026年4月2日 星期四' }).click();
    await page.getByRole('link', { name: /后一期/u }).click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/03/');
    await page.getByRole('link', { name: /历史上的今天/u }).click();
    expect(new URL(page.url()).pathname).toBe('/on-this-day/04-03/');
    await page.getByRole('link', { name: '2025年4月3日 星期四' }).click();
    expect(new URL(page.url()).pathname).toBe('/2025/04/03/');
    await page.close();
  });

  it('follows an old page URL to the page’s new URL', async () => {
    const page = await open('/pages/20260402-03/');
    await page.waitForURL(`${served.server.origin}/2026/04/02/03/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('2026年4月2日 第03版 · 社会');
    await page.close();
  });

  it('shows the calendar on a 390 px phone, and its days open their issues', async () => {
    const page = await open('/2026/04/02/', 390);
    const calendar = page.getByRole('navigation', { name: '2026年4月各期' });
    await expect(calendar.isVisible()).resolves.toBe(true);
    await expect(calendar.getByRole('link', { name: '4月2日' }).getAttribute('aria-current')).resolves.toBe('date');
    await calendar.getByRole('link', { name: '4月1日' }).click();
    expect(new URL(page.url()).pathname).toBe('/2026/04/01/');
    await page
      .getByRole('navigation', { name: '2026年4月各期' })
      .getByRole('link', { name: /2025年4月/u })
      .click();
    expect(new URL(page.url()).pathname).toBe('/archive/2025/04/');
    await page.close();
  });
});

const newPages = {
  home: '/',
  issue: '/2026/04/01/',
  'printed page': '/2026/04/01/02/',
  article: `/articles/${filedBefore?.id ?? ''}/`,
  month: '/archive/2026/04/',
  archive: '/archive/',
  'on this day': '/on-this-day/04-03/',
};

describe('on a phone', () => {
  it('keeps the masthead to one compact row at 390 px', async () => {
    for (const path of Object.values(newPages)) {
      const page = await open(path, 390);
      const height = await page.locator('.masthead').evaluate((el) => el.getBoundingClientRect().height);
      expect(height, path).toBeLessThanOrEqual(64);
      await page.close();
    }
  });

  it('has no horizontal overflow at 320 px', async () => {
    for (const path of Object.values(newPages)) {
      const page = await open(path, 320);
      await expect(
        page.evaluate(() => document.documentElement.scrollWidth),
        path,
      ).resolves.toBeLessThanOrEqual(320);
      await page.close();
    }
  });

  it('makes every navigation target at least 24 × 24 px (WCAG 2.2, 2.5.8)', async () => {
    for (const path of Object.values(newPages)) {
      const page = await open(path, 390);
      const small = await page.evaluate(() =>
        [
          ...document.querySelectorAll(
            'header a, nav a, .calendar a, .page-strip a, .headline-list a, .page-directory a, .index-list a, footer a',
          ),
        ]
          .map((el) => ({ text: el.textContent.trim(), box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
          .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
      expect(small, path).toEqual([]);
      await page.close();
    }
  });
});

describe('axe-core on the new pages', () => {
  for (const [name, path] of Object.entries(newPages)) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`reports no violations on the ${name} page (${scheme})`, async () => {
        const page = await served.browser.newPage({ colorScheme: scheme, viewport: { width: 390, height: 800 } });
        await openPage(page, served.server.origin + path);
        const violations = await axeViolations(page);
        await page.close();
        expect(violations).toEqual([]);
      });
    }
  }
});
