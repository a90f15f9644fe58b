import { defineConfig } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './scripts/find-chromium.mjs';

// Browser tests run in real Chromium against the test build (dist-test/: the site as `npm run build` makes it, plus
// the test-only pages of tests/hooks/; `npm run build:test`), served by `astro preview`.
// `npm run test:e2e` runs scripts/ensure-chromium.mjs first, so a browser exists by the time this loads.
const chromium = await findChromium();
const port = Number(process.env.E2E_PORT ?? 4329);
const devPort = port + 1;
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  ...(process.env.CI ? { workers: 2 } : {}),
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(chromium ? { executablePath: chromium.path } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    // The built site (dist-test/), as a static host serves it: every spec but the dev-server one.
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /dev-server\.spec\.ts$/ },
    // `npm start`'s development server, which transforms modules differently: a small smoke test.
    {
      name: 'dev',
      use: { browserName: 'chromium', baseURL: `http://127.0.0.1:${devPort}${base}` },
      testMatch: /dev-server\.spec\.ts$/,
    },
  ],
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${port}`,
      env: { ...process.env, COMPRESSOR_LAB_TEST_HOOKS: '1' },
      url: `http://127.0.0.1:${port}${base}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `npx astro dev --host 127.0.0.1 --port ${devPort}`,
      url: `http://127.0.0.1:${devPort}${base}`,
      reuseExistingServer: !process.env.CI,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
