import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';

/** The origin a build falls back to when SITE_URL is not set: only right for a local preview. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/** What to do about a missing SITE_URL. */
const HINT =
  'Set SITE_URL to the public origin the site is served from, e.g. SITE_URL=https://example.github.io ' +
  '(and BASE_PATH=/repo/ under a sub-path). A build meant only for local preview or tests sets ' +
  `SITE_URL=${LOCAL_SITE_URL} explicitly.`;

/**
 * A build that does not know its URL says so: canonical URLs, og:url, JSON-LD, citations, the
 * feed, the sitemap and robots.txt would all carry localhost. `astro build` without SITE_URL
 * warns loudly, and fails under CI (`CI=true`), where a build is meant for deployment.
 */
export function siteUrlCheck(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  return {
    name: 'xinhua:site-url',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build' || env.SITE_URL?.trim()) return;
        if (env.CI === 'true' || env.CI === '1') {
          throw new AstroError(
            `SITE_URL is not set: every absolute URL of the site would point to ${LOCAL_SITE_URL}.`,
            HINT,
          );
        }
        logger.warn(
          `\n${'!'.repeat(72)}\nSITE_URL is not set: canonical URLs, og:url, JSON-LD, citations, the feed, the sitemap and\nrobots.txt point to ${LOCAL_SITE_URL}. Do not deploy this build.\n${HINT}\n${'!'.repeat(72)}`,
        );
      },
    },
  };
}
