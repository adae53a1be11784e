import { defineConfig } from 'vitest/config';
import { guardPeerUpdates } from './scripts/guard-peer-updates.ts';

// Separate from vite.config.ts so unit tests run in plain Node (no jsdom, no PWA plugin)
// and never pick up Playwright specs.
export default defineConfig({
  // Stock y-webrtc, with every update from a peer checked first (as in the app build).
  plugins: [guardPeerUpdates()],
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    // Generous: property suites run much slower on a loaded 2-core CI machine; timeouts are not assertions.
    testTimeout: 120_000,
    // Processed by vitest (not Node's cache), so vi.resetModules() gives each simulated device
    // its own y-webrtc room registry and lib0 in-process channel (tests/contract/webrtc-transport.test.ts).
    server: { deps: { inline: ['y-webrtc', /[\\/]lib0[\\/]/] } },
  },
});
