import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = 3100;

/** Debian's Chromium when there is one (Playwright cannot download its own here); else Playwright's. */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker: the machine has 2 cores, and every test talks to the same server and database.
  workers: 1,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'on-first-retry',
    // Specs about other features see the whole op-ed map drawn, as a reader who chose "Whole map";
    // e2e/camera.spec.ts opens fresh contexts to test the opening itself (main reasons).
    storageState: 'e2e/support/whole-map.json',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  // The production server on its own port, with a throwaway SQLite file (see scripts/e2e-server.mjs).
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    port: PORT,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    // SIGTERM (not Playwright's default SIGKILL) so the script can delete its database on the way out.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
