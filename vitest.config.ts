import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so unit tests run in plain Node (no jsdom, no PWA plugin)
// and never pick up Playwright specs.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    setupFiles: ['tests/helpers/setup-indexeddb.ts'],
    testTimeout: 20_000,
  },
});
