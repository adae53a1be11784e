import { defineConfig } from 'vitest/config';

// Separate from vite.config.ts so unit tests run in plain Node (no jsdom, no PWA plugin)
// and never pick up Playwright specs.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    // Generous: property suites run much slower on a loaded 2-core CI machine; timeouts are not assertions.
    testTimeout: 120_000,
  },
});
