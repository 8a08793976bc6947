import { defineConfig } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

/** End-to-end tests against the built site (dist/), served by a plain static server from a sub-path. */
export const BASE_PATH = '/news/graphics/syria-iraq/';
/** E2E_PORT and E2E_DIST let several checkouts or builds be tested side by side. */
export const PORT = Number(process.env.E2E_PORT ?? 4317);
const DIST = process.env.E2E_DIST ?? '../../dist';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? '../../test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
  },
  webServer: {
    command: `node ../../scripts/serve.mjs --dir ${DIST} --base ${BASE_PATH} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
