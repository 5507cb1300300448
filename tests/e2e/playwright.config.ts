import {defineConfig} from '@playwright/test';
import {join} from 'node:path';
import {CHROMIUM_ARGS} from '../../scripts/find-chromium.cjs';

const port = Number(process.env.E2E_PORT ?? 4173);
export const baseURL = `http://127.0.0.1:${port}`;
/** Where the test server appends "Was this page helpful?" votes (FEEDBACK_FILE), inside the repo's test-results. */
export const feedbackFile = join(__dirname, '../../test-results/feedback', `votes-${port}.jsonl`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous, because axe on the long catalogue page takes tens of seconds on a loaded two-core
  // machine; a timeout is a failure, never a measurement (speed is measured by npm run perf).
  timeout: 120_000,
  expect: {timeout: 15_000},
  reporter: [['list']],
  outputDir: '../../test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: 'node --import tsx scripts/serve.ts',
    cwd: '../..',
    url: `${baseURL}/qbwc/health`,
    // The tests check "your own service" against services on this computer, through the relay, and
    // read the votes the feedback widget sends.
    env: {PORT: String(port), HOST: '127.0.0.1', RELAY_ALLOW_LOOPBACK: '1', FEEDBACK_FILE: feedbackFile},
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
