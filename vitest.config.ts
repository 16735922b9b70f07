import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (the parser, the search code, the scripts and the incremental identity
 * test's small builds: `npm test`, about a minute and a half on two cores)
 * and `e2e` (built sites, Pagefind's index, Chromium, the Nu checker: `npm run test:e2e`).
 * Every fixture site of the e2e project is built once per run, in its global setup.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    reporters: ['default', 'json'],
    // npm test and npm run test:e2e name their own report files; this one serves other runs.
    outputFile: { json: 'tests/.output/results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'tests/parser/**/*.test.ts',
            'tests/ops/**/*.test.ts',
            'tests/search/**/*.test.ts',
            'tests/site/**/*.test.ts',
            'tests/site-unit/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/site/global-setup.ts'],
        },
      },
    ],
  },
});
