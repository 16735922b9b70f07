import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 600_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/.output/results.json' },
    projects: [
      { extends: true, test: { name: 'parser', include: ['tests/parser/**/*.test.ts', 'tests/ops/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/search/**/*.test.ts'],
          globalSetup: ['tests/site/global-setup.ts'],
        },
      },
    ],
  },
});
