import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // The social image reads the colour tokens with `?raw`, which Vitest leaves empty for CSS unless included.
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/support/**/*.test.ts', 'bench/*.test.ts'],
          css: { include: [/src\/styles\/tokens\.css/] },
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
