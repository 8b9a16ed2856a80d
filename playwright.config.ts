import { defineConfig, devices } from '@playwright/test';

const appPort = Number(process.env.E2E_APP_PORT ?? 4173);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 8787);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * End-to-end tests in the system Chromium (never a downloaded browser),
 * against the built app (vite preview of dist/) and the emulator server.
 * `npm test` builds first; `npm run test:e2e` expects a fresh build.
 */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ??
          'test-results/playwright.json',
      },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${appPort}/`,
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
    ...devices['Desktop Chrome'],
    viewport: { width: 1600, height: 1000 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      command: `npm run emulator -- --port ${emulatorPort}`,
      url: `http://127.0.0.1:${emulatorPort}/version`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node scripts/static-server.mjs --root dist --prefix / --port ${appPort}`,
      url: `http://127.0.0.1:${appPort}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
