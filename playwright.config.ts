import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/helpers/chromium';

const port = Number(process.env.E2E_PORT ?? 4399);
// Each port gets its own build output, so several e2e runs (or a dev build) never share files.
const out = `.e2e/${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `${out}/test-results`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'off',
  },
  // The real thing: the built app and the relay from `npm start`, started and stopped by Playwright.
  webServer: {
    command: `npx vite build --outDir ${out}/dist --emptyOutDir && npx vite build --config vite.node.config.ts --outDir ${out}/node && node ${out}/node/server.mjs`,
    url: `http://127.0.0.1:${port}/`,
    env: { PORT: String(port), HOST: '127.0.0.1', DIST_DIR: `${out}/dist` },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
