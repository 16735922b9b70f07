/**
 * The search page in Chromium, under the site's Content-Security-Policy: typing, filters, date
 * sort, highlighted terms on the article page, traditional queries, and the form without JS.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportersOf } from '../../../src/site/archive.ts';
import { truthOf } from './queries.ts';
import { gzipSize, openSearchSite, scriptsOf, searchPage, type SearchSite } from './site.ts';

let site: SearchSite;
let page: Page;
const problems: string[] = [];

/** Waits until the search page has finished searching for `query` (the URL carries it). */
async function settled(query: string, extra = 'true'): Promise<void> {
  // Polled from here: the page's policy forbids the string evaluation of waitForFunction.
  const done = `document.querySelector('#search-status')?.dataset.state === 'done' &&
    new URL(location.href).searchParams.get('q') === ${JSON.stringify(query)} && (${extra})`;
  await expect.poll(() => page.evaluate<boolean>(done), { timeout: 15_000, interval: 50 }).toBe(true);
}

/** The results as shown: title, date, whether the whole query is in the item. */
async function results(): Promise<{ title: string; date: string; exact: boolean; href: string }[]> {
  return page.locator('#search-results > li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('.item-title')?.textContent ?? '',
      date: item.getAttribute('data-date') ?? '',
      exact: item.getAttribute('data-exact') === 'true',
      href: item.querySelector('.item-title')?.getAttribute('href') ?? '',
    })),
  );
}

beforeAll(async () => {
  site = await openSearchSite();
  page = await site.browser.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
}, 300_000);

afterAll(async () => {
  await site.close();
});

describe('the search page in a browser', () => {
  it('shows results with the typed terms marked and puts the query in the URL', async () => {
    await page.goto(`${site.server.origin}/search/`);
    await page.locator('#q').pressSequentially('京津冀');
    await settled('京津冀');
    const shown = await results();
    expect(shown.map((r) => r.title)).toContain('向新而行 双向奔赴 聚力向远');
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['京津冀']));
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=京津冀');
  });

  it('narrows results with a month filter chosen from a labelled select', async () => {
    const query = '全国';
    const truth = truthOf(site.records, query);
    const inMonth = site.records.filter((r) => truth.includes(r.id) && r.date?.startsWith('2026-04')).length;
    expect(inMonth).toBeGreaterThan(0);
    expect(inMonth).toBeLessThan(truth.length);
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent(query)}`);
    await settled(query);
    expect((await results()).filter((r) => r.exact)).toHaveLength(truth.length);
    expect(await page.locator('label[for="filter-month"]').textContent()).toBe('月份');
    await page.locator('#filter-month').selectOption('2026-04');
    await settled(query, `new URL(location.href).searchParams.get('month') === '2026-04'`);
    const filtered = (await results()).filter((r) => r.exact);
    expect(filtered).toHaveLength(inMonth);
    expect(filtered.every((r) => r.date.startsWith('2026-04'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('month')).toBe('2026-04');
  });

  it('filters by a reporter typed into the field, suggesting names from the complete list', async () => {
    const query = '全国';
    const truth = truthOf(site.records, query);
    const counts = new Map<string, number>();
    for (const record of site.records.filter((r) => truth.includes(r.id))) {
      for (const name of reportersOf(record)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const [name = '', count = 0] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(truth.length);
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent(query)}`);
    await settled(query);
    expect(await page.locator('label[for="filter-reporter"]').textContent()).toBe('记者');
    const field = page.locator('#filter-reporter');
    await field.fill(name.slice(0, 1));
    // The suggestions come from the index's complete list, narrowed to what is typed.
    await expect
      .poll(() =>
        page
          .locator('#filter-reporter-list option')
          .evaluateAll((options) => options.map((o) => o.getAttribute('value'))),
      )
      .toContain(name);
    await field.fill(name);
    await field.press('Enter');
    await settled(query, `new URL(location.href).searchParams.get('reporter') === ${JSON.stringify(name)}`);
    const filtered = (await results()).filter((r) => r.exact);
    expect(filtered).toHaveLength(count);
    // Back in the URL, the name is put back into the field.
    await page.goto(
      `${site.server.origin}/search/?q=${encodeURIComponent(query)}&reporter=${encodeURIComponent(name)}`,
    );
    await settled(query);
    expect(await field.inputValue()).toBe(name);
    expect((await results()).filter((r) => r.exact)).toHaveLength(count);
  });

  it('sorts by date with the keyboard, newest first, phrase matches still first', async () => {
    const query = '全国';
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent(query)}`);
    await settled(query);
    await page.locator('#search-sort').focus();
    await page.keyboard.press('ArrowDown');
    await settled(query, `new URL(location.href).searchParams.get('sort') === 'newest'`);
    const shown = await results();
    const exact = shown.filter((r) => r.exact);
    const dates = exact.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(shown.slice(0, exact.length).every((r) => r.exact)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await settled(query, `new URL(location.href).searchParams.get('sort') === 'oldest'`);
    const oldest = (await results()).filter((r) => r.exact).map((r) => r.date);
    expect(oldest).toEqual([...dates].sort());
  });

  it('opens a result with the terms highlighted on the article page', async () => {
    await page.goto(`${site.server.origin}/search/?q=${encodeURIComponent('天宫画展')}`);
    await settled('天宫画展');
    await page.locator('#search-results .item-title').first().click();
    await page.waitForURL(/\/articles\//u);
    expect(new URL(page.url()).searchParams.get('pagefind-highlight')).toBe('天宫画展');
    const marks = page.locator('[data-pagefind-body] mark');
    await marks.first().waitFor();
    expect(new Set(await marks.allTextContents())).toEqual(new Set(['天宫画展']));
  });

  it('finds the 清明 article first for the traditional query 張小玲', async () => {
    const ids = await searchPage(page, site.server.origin, '張小玲');
    const first = site.records.find((r) => r.id === ids[0]);
    expect(first?.headline).toContain('清明');
    expect(await page.locator('#search-results mark').first().textContent()).toBe('张小玲');
  });

  it('returns the 中关村 article for 京津冀', async () => {
    const ids = await searchPage(page, site.server.origin, '京津冀');
    const titles = ids.map((id) => site.records.find((r) => r.id === id)?.headline);
    expect(titles).toContain('向新而行 双向奔赴 聚力向远');
    const article = site.records.find((r) => r.headline === '向新而行 双向奔赴 聚力向远');
    expect(article?.sections.flatMap((s) => s.paragraphs).join('')).toContain('中关村');
  });

  it('returns exactly the 天宫 article for 天宫画展', async () => {
    const ids = await searchPage(page, site.server.origin, '天宫画展');
    expect(ids).toHaveLength(1);
    expect(site.records.find((r) => r.id === ids[0])?.headline).toContain('天宫画展');
  });

  it('searches every year: items of the 2025 and 2026 bundles come back in one ranked list', async () => {
    const query = '专家表示';
    const truth = truthOf(site.records, query);
    const years = new Set(truth.map((id) => site.records.find((r) => r.id === id)?.date?.slice(0, 4)));
    expect(years).toEqual(new Set(['2025', '2026']));
    const ids = await searchPage(page, site.server.origin, query);
    expect(new Set(ids.slice(0, truth.length))).toEqual(new Set(truth));
  });

  it('turns full-width letters and digits into half-width ones', async () => {
    const ids = await searchPage(page, site.server.origin, '２０２６');
    expect(ids.length).toBeGreaterThan(0);
    expect(await page.locator('#search-status').textContent()).toContain('按“2026”检索');
  });

  it('submits the plain GET form without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${site.server.origin}/search/`);
    await plain.locator('#q').fill('京津冀');
    await plain.locator('#q').press('Enter');
    await plain.waitForURL(/\?/u);
    expect(new URL(plain.url()).searchParams.get('q')).toBe('京津冀');
    await context.close();
  });

  it('keeps its own JavaScript within budget: search page 30 KB, article page 10 KB gzipped', () => {
    const search = scriptsOf(site.dist, 'search/index.html');
    const article = scriptsOf(site.dist, `articles/${site.records[0]?.id ?? ''}/index.html`);
    const sizes = {
      'search page, loaded at once': gzipSize(site.dist, search.initial),
      'search page, traditional-character table on demand': gzipSize(site.dist, search.lazy),
      'article page': gzipSize(site.dist, [...article.initial, ...article.lazy]),
    };
    console.table(Object.entries(sizes).map(([scripts, bytes]) => ({ scripts, 'gzipped bytes': bytes })));
    expect(search.lazy.some((file) => file.includes('t2s-table'))).toBe(true);
    // One file before the first fetch: an import of a shared chunk would be one more round trip.
    expect(search.initial).toHaveLength(1);
    // Pagefind-alone search (a one-character term) is loaded only when needed.
    expect(search.lazy.some((file) => /\/engine\.[\w-]+\.js$/u.test(file))).toBe(true);
    expect(
      sizes['search page, loaded at once'] + sizes['search page, traditional-character table on demand'],
    ).toBeLessThanOrEqual(30_000);
    expect(sizes['article page']).toBeLessThanOrEqual(10_000);
  });

  it('ran without a script error or a Content-Security-Policy violation', () => {
    expect(problems).toEqual([]);
  });
});
