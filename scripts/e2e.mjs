// Runs the Playwright suite against the production build in a local Chromium.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {findChromium} from './find-chromium.cjs';

const chromium = findChromium();
if (!chromium) {
  console.error(
    'No Chromium found: install one with "sudo apt-get install -y chromium" or set CHROME_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}
if (!existsSync('build/index.html')) {
  console.error('No production build found: run "npm run build" first.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['node_modules/@playwright/test/cli.js', 'test', '-c', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)],
  {stdio: 'inherit', env: {...process.env, CHROME_PATH: chromium, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1'}},
);
process.exit(result.status ?? 1);
