import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Options of the Pagefind integration. */
export interface PagefindOptions {
  /** The bundle folder inside the built site (default `pagefind`), served as `<base>pagefind/`. */
  bundle?: string;
}

/** Fails with Pagefind's own reasons when a response reports errors. */
function check(step: string, response: { errors: string[] }): void {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind could not ${step}: ${response.errors.join('; ')}. Fix the cause above and build again.`);
  }
}

/**
 * Builds the Pagefind full-text index over the built site after `astro build`, through
 * Pagefind's Node API. Any error reported by Pagefind fails the build with its reason.
 */
export function pagefindIndex({ bundle = 'pagefind' }: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'xinhua-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = fileURLToPath(new URL(`${bundle}/`, dir));
        try {
          const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
          check('start an index', created);
          const { index } = created;
          if (!index) throw new Error('Pagefind started no index and reported no error; run the build again.');
          const added = await index.addDirectory({ path: site });
          check(`index the pages in ${site}`, added);
          if (added.page_count === 0) {
            throw new Error(`Pagefind found no pages to index in ${site}; check that the build wrote HTML files.`);
          }
          const written = await index.writeFiles({ outputPath });
          check(`write the index to ${outputPath}`, written);
          logger.info(`Pagefind read ${added.page_count} HTML files and wrote its index to ${written.outputPath}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
