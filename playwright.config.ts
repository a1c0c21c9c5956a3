import { defineConfig } from '@playwright/test';

// Browser tests drive the real server binary (started for each spec file by
// tests/e2e/fixtures.ts) and the release SPA in Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  // On CI a test that fails once is run again, and the list reporter marks it
  // "flaky": a shared two-core machine should not sink a run on one slow moment,
  // and a test that fails twice still fails it. Locally every failure shows.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Without the background-networking flags Chromium keeps dialling out on a closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
});
