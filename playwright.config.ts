import path from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const baseURL = process.env.E2E_BASE_URL || 'http://127.0.0.1:4102'
const port = new URL(baseURL).port
// Where the server's SMTP sink writes the mail it receives; set here so the test workers inherit the same folder.
// Under test-results, which Playwright empties before it starts the server.
process.env.QM_E2E_MAIL_DIR ||= path.resolve('test-results/mail')

/** Runs against the production build started by `npm start`; `npm test` prepares build, database and seed. */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `node node_modules/tsx/dist/cli.mjs tests/e2e/startServerWithMailSink.ts`,
    url: `${baseURL}/api/health`,
    // Webhooks go to a receiver in the test process on 127.0.0.1; no retries worth waiting for minutes.
    env: { PORT: port, QM_E2E_MAIL_DIR: process.env.QM_E2E_MAIL_DIR, WEBHOOKS_ALLOW_LOOPBACK: 'true', WEBHOOK_RETRY_DELAYS_SECONDS: '1,2,5' },
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
