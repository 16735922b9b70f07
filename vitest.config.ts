import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'tests/.output/results.json' },
  },
});
