/**
 * `npm run screenshot [-- <out dir>]`: screenshots of the built site (`dist/`) in headless
 * Chromium — the home, the newest issue and its first printed page (also at phone width), an article, the article at phone width, a month and
 * the search page with results (`QUERY`, default 京津冀, also at phone width) — so the pages
 * can be looked at as a reader sees them. CJK glyphs need a CJK font installed
 * (Debian: fonts-noto-cjk).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/browser.ts';
import { serveStatic } from './lib/static-server.ts';

const dist = resolve('dist');
const out = resolve(process.argv[2] ?? 'screenshots');
mkdirSync(out, { recursive: true });
const firstDir = (dir: string): string => readdirSync(join(dist, dir)).sort()[0] ?? '';
const article = process.env.ARTICLE ?? firstDir('articles');
// The newest issue (`/yyyy/mm/dd/`) and its first printed page (`/yyyy/mm/dd/NN/`).
const lastDir = (dir: string, pattern: RegExp): string =>
  readdirSync(join(dist, dir))
    .filter((name) => pattern.test(name))
    .sort()
    .at(-1) ?? '';
const year = lastDir('', /^\d{4}$/u);
const month = lastDir(year, /^\d{2}$/u);
const issue = `/${year}/${month}/${lastDir(join(year, month), /^\d{2}$/u)}/`;
const printed = `${issue}${
  readdirSync(join(dist, issue))
    .filter((name) => !name.includes('.'))
    .sort()[0] ?? ''
}/`;
const search = `/search/?q=${encodeURIComponent(process.env.QUERY ?? '京津冀')}`;
/** A page to shoot; `ready` is an element to wait for before the shot. */
const shots: { name: string; path: string; width: number; ready?: string }[] = [
  { name: 'home', path: '/', width: 1280 },
  { name: 'home-phone', path: '/', width: 390 },
  { name: 'issue', path: issue, width: 1280 },
  { name: 'issue-phone', path: issue, width: 390 },
  { name: 'page', path: printed, width: 1280 },
  { name: 'page-phone', path: printed, width: 390 },
  { name: 'article', path: `/articles/${article}/`, width: 1280 },
  { name: 'article-phone', path: `/articles/${article}/`, width: 390 },
  {
    name: 'archive-month',
    path: `/archive/${firstDir('archive')}/${readdirSync(join(dist, 'archive', firstDir('archive'))).sort()[0] ?? ''}/`,
    width: 1280,
  },
  { name: 'search', path: search, width: 1280, ready: '#search-status[data-state="done"]' },
  { name: 'search-phone', path: search, width: 390, ready: '#search-status[data-state="done"]' },
];

const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const shot of shots) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({
        viewport: { width: shot.width, height: 900 },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      await page.goto(server.origin + shot.path);
      if (shot.ready) await page.locator(shot.ready).waitFor();
      const file = join(out, `${shot.name}${scheme === 'dark' ? '-dark' : ''}.png`);
      await page.screenshot({ path: file, fullPage: shot.width < 800 });
      process.stdout.write(`${file}\n`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
