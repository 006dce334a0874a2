import { defineConfig } from '@playwright/test';

// ATLAS_PORT_BASE lets several checkouts run their servers side by side.
const port = Number(process.env.ATLAS_PORT_BASE ?? 4320) + 10;

// Debian's Chromium (Playwright cannot download a browser here). Two workers, any test in either: much of the
// suite waits on Chromium printing to PDF and on axe, and the two halves of the print-every-program test run side
// by side (ATLAS_TEST_WORKERS=1 runs one at a time).
export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: Number(process.env.ATLAS_TEST_WORKERS ?? 2),
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
