import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedInChromium } from '../../helpers/served.ts';
import { axeViolations, openPage } from '../../helpers/axe.ts';
import { buildSite, recordsOf, ROOT } from '../../helpers/site.ts';
import {
  PLACE,
  REPORTER,
  SAME_DAY,
  WANG_REPORTERS,
  writeManyNamesSeed,
  writePagedSeeds,
  writeSameDaySeeds,
} from './seeds.ts';

/**
 * A site where one reporter and one place have 250 items, and one calendar day 270 items over
 * three years: three list pages of at most 100 each; and 1,003 reporters, 1,001 of them 王…:
 * a reporter index split by initial, whose W has two pages.
 */
const base = join(ROOT, 'tests', '.output', 'paged');
const seeds = join(base, 'seeds');
const dist = join(base, 'dist');
const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

/** The two paginated lists: their URL and the navigation's label. */
const lists = [
  { name: 'reporter', path: `/reporters/${encodeURIComponent(REPORTER)}/`, label: `${REPORTER}的稿件分页` },
  { name: 'place', path: `/places/${encodeURIComponent(PLACE)}/`, label: `${PLACE}电头的稿件分页` },
];

/** The built page at a site path. */
function page(path: string): Document {
  const file = join(dist, decodeURIComponent(path), 'index.html');
  return parseHTML(readFileSync(file, 'utf8')).document;
}

/** Whether the site has a page at `path` (`/reporters/x/2/`). */
function exists(path: string): boolean {
  return existsSync(join(dist, decodeURIComponent(path), 'index.html'));
}

beforeAll(() => {
  writePagedSeeds(seeds, 25, 10);
  writeSameDaySeeds(seeds, 3, 45);
  writeManyNamesSeed(seeds);
  buildSite(seeds, dist);
});

describe('paginated lists', () => {
  for (const list of lists) {
    describe(`the ${list.name} list`, () => {
      const pages = [list.path, `${list.path}2/`, `${list.path}3/`];

      it('has three pages of at most 100 items, the first at the list’s own URL, and no others', () => {
        expect(pages.map(exists)).toEqual([true, true, true]);
        expect(exists(`${list.path}1/`)).toBe(false);
        expect(exists(`${list.path}4/`)).toBe(false);
        const counts = pages.map((path) => page(path).querySelectorAll('.item-list > li').length);
        expect(counts).toEqual([100, 100, 50]);
      });

      it('lists every item once across its pages, newest first', () => {
        const { articles } = recordsOf(seeds);
        // Every item of the paged seeds is by REPORTER from PLACE; the same-day seeds are not.
        const expected = articles
          .filter((record) => record.seedId.startsWith('paged-'))
          .sort(
            (a, b) =>
              (b.date ?? '').localeCompare(a.date ?? '') || a.seedId.localeCompare(b.seedId) || a.order - b.order,
          )
          .map((record) => `/articles/${record.id}/`);
        const listed = pages.flatMap((path) =>
          [...page(path).querySelectorAll('.item-list .item-title')].map((a) => a.getAttribute('href')),
        );
        expect(listed).toEqual(expected);
      });

      it('links the previous and next pages in the head', () => {
        const rel = (path: string, kind: string) =>
          page(path).querySelector(`head link[rel="${kind}"]`)?.getAttribute('href') ?? null;
        expect([rel(pages[0] ?? '', 'prev'), rel(pages[0] ?? '', 'next')]).toEqual([null, pages[1]]);
        expect([rel(pages[1] ?? '', 'prev'), rel(pages[1] ?? '', 'next')]).toEqual([pages[0], pages[2]]);
        expect([rel(pages[2] ?? '', 'prev'), rel(pages[2] ?? '', 'next')]).toEqual([pages[1], null]);
      });

      it('has a page-number navigation of plain links, the current page marked, every link to a built page', () => {
        for (const [index, path] of pages.entries()) {
          const nav = page(path).querySelector(`nav[aria-label="${list.label}"]`);
          expect(nav, path).not.toBeNull();
          const current = nav?.querySelectorAll('[aria-current="page"]') ?? [];
          expect(current.length).toBe(1);
          expect(current[0]?.textContent.replace(/\s+/gu, '')).toBe(`第${index + 1}页`);
          const links = [...(nav?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? '');
          expect(links.length).toBeGreaterThan(0);
          for (const link of links) expect(exists(link), `${path} links ${link}`).toBe(true);
          expect(new Set(links)).toEqual(new Set(pages.filter((other) => other !== path)));
        }
      });

      it('gives every page its own title and canonical URL', () => {
        const titles = pages.map((path) => page(path).querySelector('title')?.textContent);
        expect(new Set(titles).size).toBe(3);
        expect(titles[1]).toContain('（第2页）');
        for (const path of pages) {
          expect(page(path).querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
            new URL(path, 'http://localhost:4321').href,
          );
        }
      });
    });
  }

  describe('a day in history (历史上的今天)', () => {
    const day = `/on-this-day/${SAME_DAY}/`;
    const pages = [day, `${day}2/`, `${day}3/`];
    /** A page's issues as text: `2024年1月30日 星期二（续） | 第01版 · 要闻（续）:35`. */
    const outline = (path: string) =>
      [...page(path).querySelectorAll('.year-issue')].map((section) =>
        [
          section.querySelector('h2')?.textContent.trim(),
          ...[...section.querySelectorAll('.year-issue-page')].map(
            (printed) =>
              `${printed.querySelector('h3')?.textContent.trim() ?? ''}:${String(printed.querySelectorAll('.headline-list > li').length)}`,
          ),
        ].join(' | '),
      );

    it('has three pages of at most 100 items, the first at the day’s own URL, and no others', () => {
      expect(pages.map(exists)).toEqual([true, true, true]);
      expect(exists(`${day}1/`)).toBe(false);
      expect(exists(`${day}4/`)).toBe(false);
      expect(pages.map((path) => page(path).querySelectorAll('.headline-list > li').length)).toEqual([100, 100, 70]);
    });

    it('lists every item of that day once across its pages, newest year first, and marks what continues', () => {
      expect(pages.map(outline)).toEqual([
        ['2025年1月30日 星期四 | 第01版 · 要闻:45 | 第02版 · 要闻:45', '2024年1月30日 星期二 | 第01版 · 要闻:10'],
        [
          '2024年1月30日 星期二（续） | 第01版 · 要闻（续）:35 | 第02版 · 要闻:45',
          '2023年1月30日 星期一 | 第01版 · 要闻:20',
        ],
        ['2023年1月30日 星期一（续） | 第01版 · 要闻（续）:25 | 第02版 · 要闻:45'],
      ]);
      const { articles } = recordsOf(seeds);
      const expected = articles
        .filter((record) => record.date?.endsWith(SAME_DAY))
        .sort(
          (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.seedId.localeCompare(b.seedId) || a.order - b.order,
        )
        .map((record) => `/articles/${record.id}/`);
      const listed = pages.flatMap((path) =>
        [...page(path).querySelectorAll('.headline-list a')].map((a) => a.getAttribute('href')),
      );
      expect(listed).toEqual(expected);
    });

    it('links its pages in the head and in a page-number navigation, and says which items a page holds', () => {
      const rel = (path: string, kind: string) =>
        page(path).querySelector(`head link[rel="${kind}"]`)?.getAttribute('href') ?? null;
      expect(pages.map((path) => [rel(path, 'prev'), rel(path, 'next')])).toEqual([
        [null, pages[1]],
        [pages[0], pages[2]],
        [pages[1], null],
      ]);
      for (const [index, path] of pages.entries()) {
        const nav = page(path).querySelector('nav[aria-label="1月30日各年稿件分页"]');
        expect(nav?.querySelector('[aria-current="page"]')?.textContent.replace(/\s+/gu, '')).toBe(`第${index + 1}页`);
        const links = [...(nav?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? '');
        expect(new Set(links)).toEqual(new Set(pages.filter((other) => other !== path)));
      }
      expect(page(pages[1] ?? '').querySelector('title')?.textContent).toContain('历史上的今天：1月30日（第2页）');
      expect(page(pages[1] ?? '').querySelector('.lede')?.textContent).toContain('共 3 页，本页为第 101–200 篇。');
    });
  });

  describe('the indexes of names by pinyin initial', () => {
    const names = (path: string) => [...page(path).querySelectorAll('.index-list a')].map((a) => a.textContent.trim());
    const initials = (path: string) =>
      [...page(path).querySelectorAll('nav.initials a')].map((a) => a.getAttribute('href'));

    it('lists the initials on the reporter index, each linking its own pages, once it holds over 1,000 names', () => {
      const index = '/reporters/';
      expect(page(index).querySelector('.lede')?.textContent).toContain('1003 位记者');
      const listed = [...page(index).querySelectorAll('.index-list li')].map((li) => [
        li.querySelector('a')?.getAttribute('href'),
        li.textContent.replace(/\s+/gu, ''),
      ]);
      expect(listed).toEqual([
        ['/reporters/initials/h/', 'H1个名字'],
        ['/reporters/initials/l/', 'L1个名字'],
        ['/reporters/initials/w/', 'W1001个名字'],
      ]);
      expect(names('/reporters/initials/h/')).toEqual([REPORTER]);
      expect(names('/reporters/initials/l/')).toEqual(['李华']);
    });

    it('pages an initial of more than 1,000 names, every name linking its page', () => {
      const [first, second] = ['/reporters/initials/w/', '/reporters/initials/w/2/'];
      expect(exists('/reporters/initials/w/3/')).toBe(false);
      const listed = [...names(first), ...names(second)];
      expect([names(first).length, names(second).length]).toEqual([1000, 1]);
      expect(new Set(listed).size).toBe(WANG_REPORTERS);
      expect(listed.every((name) => name.startsWith('王'))).toBe(true);
      for (const name of [listed[0], listed.at(-1)]) expect(exists(`/reporters/${name ?? ''}/`)).toBe(true);
      expect(page(first).querySelector('head link[rel="next"]')?.getAttribute('href')).toBe(second);
      expect(page(second).querySelector('head link[rel="prev"]')?.getAttribute('href')).toBe(first);
      expect(page(first).querySelector('nav.initials [aria-current="page"]')?.textContent).toBe('W');
      expect(page(second).querySelector('title')?.textContent).toContain('记者：W（第2页）');
    });

    it('keeps an index of at most 1,000 names on one page, its names under their initials', () => {
      expect(initials('/places/')).toEqual(['#initial-b', '#initial-s']);
      expect([...page('/places/').querySelectorAll('.initial-group h2')].map((h) => h.textContent)).toEqual(['B', 'S']);
      expect(names('/places/')).toEqual([PLACE, '上海']);
      expect(existsSync(join(dist, 'places', 'initials'))).toBe(false);
    });
  });

  it('passes the Nu HTML Checker on every paginated page', () => {
    const files = [
      ...[...lists.map((list) => list.path), `/on-this-day/${SAME_DAY}/`].flatMap((path) =>
        ['', '2/', '3/'].map((n) => join(dist, decodeURIComponent(path), n, 'index.html')),
      ),
      ...['reporters/', 'reporters/initials/w/', 'reporters/initials/w/2/', 'places/'].map((path) =>
        join(dist, path, 'index.html'),
      ),
    ];
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
      encoding: 'utf8',
    });
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stderr || '{"messages":[]}') as {
      messages: { type: string; url: string; message: string }[];
    };
    expect(report.messages.filter((m) => m.type === 'error').map((m) => `${m.url}: ${m.message}`)).toEqual([]);
  }, 120_000);

  describe('axe-core in Chromium', () => {
    const served = servedInChromium(dist);

    for (const scheme of ['light', 'dark'] as const) {
      for (const path of [lists[0]?.path ?? '', `/on-this-day/${SAME_DAY}/`, '/reporters/initials/w/']) {
        it(`reports no violations on a middle page of ${path} (${scheme})`, async () => {
          const tab = await served.browser.newPage({ colorScheme: scheme });
          await openPage(tab, `${served.server.origin}${path}2/`);
          const violations = await axeViolations(tab);
          await tab.close();
          expect(violations).toEqual([]);
        });
      }
    }
  });
});
