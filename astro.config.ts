import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { phraseIndex } from './src/integrations/phrase-index.ts';

/**
 * SITE_URL is the public origin the site is served from (canonical URLs, the feed and the
 * sitemap need it); BASE_PATH the folder under it, e.g. `/xinhua-archive/` on GitHub Pages.
 */
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';
if (!/^https?:\/\/[^/]+/u.test(site)) {
  throw new Error(`SITE_URL must be an absolute http(s) URL such as https://example.github.io, not "${site}".`);
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // A separate content cache lets a second build (the tests' fixture site) run beside the main one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Stylesheets stay files so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts stay files too (never inlined, however small): the policy allows no inline script.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefindIndex(), phraseIndex()],
});
