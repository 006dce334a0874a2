import { defineConfig } from '@playwright/test';

// ATLAS_PORT_BASE lets several checkouts run their servers side by side.
const port = Number(process.env.ATLAS_PORT_BASE ?? 4320) + 10;

// Debian's Chromium (Playwright cannot download a browser here). One worker: in a fresh-clone run of .ci/run (2 cores) two workers
// ran the suite in the same 10.3 minutes, each test twice as slow (the work is CPU-bound: Chromium printing PDFs
// and axe). Tests are independent (fullyParallel), so ATLAS_TEST_WORKERS=N spreads them on a machine with more cores.
export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: Number(process.env.ATLAS_TEST_WORKERS ?? 1),
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
