import { defineConfig } from 'astro/config';
import { AstroError } from 'astro/errors';
import { keptOutput } from './src/integrations/kept-output.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { LOCAL_SITE_URL, siteUrlCheck } from './src/integrations/site-url.ts';
import { phraseIndex } from './src/integrations/phrase-index.ts';
import { MAP_DIR, PERIODS_DIR, PHRASE_DIR } from './src/search/phrase-codec.ts';
import { archiveSitemap, SITEMAP_FILES } from './src/integrations/sitemap.ts';

/**
 * SITE_URL is the public origin the site is served from (canonical URLs, the feed and the
 * sitemap need it); BASE_PATH the folder under it, e.g. `/xinhua-archive/` on GitHub Pages.
 */
// Without SITE_URL a build warns, and fails under CI (src/integrations/site-url.ts).
const site = process.env.SITE_URL?.trim() ? process.env.SITE_URL.trim() : LOCAL_SITE_URL;
const base = process.env.BASE_PATH ?? '/';
if (!/^https?:\/\/[^/]+/u.test(site)) {
  throw new AstroError(
    `SITE_URL is "${site}", not an absolute http(s) URL.`,
    'Set SITE_URL to the origin the site is served from, such as https://example.github.io, and a folder under it in BASE_PATH (e.g. /xinhua-archive/).',
  );
}
// Pagefind's bundles and the phrase index's shards and map blocks are written after pruning, by their own steps.
const output = keptOutput({
  managed: ['pagefind', `${PHRASE_DIR}/${PERIODS_DIR}`, `${PHRASE_DIR}/${MAP_DIR}`],
  claimed: SITEMAP_FILES,
});

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // A separate content cache lets a second build (the tests' fixture site) run beside the main one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Stylesheets stay files so the Content-Security-Policy needs no 'unsafe-inline'.
  // Four pages at a time: rendering one page at a time leaves the build waiting on each page's
  // writes (to dist/ and to the incremental cache); four overlap them (figures in docs/scale.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Scripts stay files too (never inlined, however small): the policy allows no inline script.
  // The output folder is kept between builds (src/integrations/kept-output.ts checks it first and
  // removes what a build no longer writes), so a reused page is neither deleted nor copied back.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  // Incremental builds: a page whose cacheKey (the digest of exactly the props it renders, see
  // src/site/cache-key.ts), code, configuration and lock file are unchanged is reused from the
  // cache folder instead of rendered again.
  experimental: { incrementalBuild: true },
  integrations: [
    siteUrlCheck(),
    output.prune,
    // The sitemap with each page's lastmod from its data; noindex pages left out (src/site/sitemap.ts).
    // It finds the pages in the files pruning has just surveyed, and tells the seal what it wrote.
    archiveSitemap({ surveyed: output.files, wrote: output.wrote }),
    // Pagefind finds its pages in that survey too instead of walking dist/ again.
    pagefindIndex({ surveyed: output.files }),
    // After Pagefind: it maps each item to its Pagefind fragment.
    phraseIndex(),
    output.seal,
  ],
});
