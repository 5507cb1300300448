// Finds a Chromium for the end-to-end tests: CHROME_PATH, then Debian's /usr/bin/chromium, then one
// that Playwright installed. Prints the path, or exits 1 with one line saying how to get one.
const {existsSync, readdirSync} = require('node:fs');
const {homedir} = require('node:os');
const {join} = require('node:path');

/** The flags every headless run here needs: root has no sandbox, and the machine's network is closed. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()) {
      candidates.push(join(cache, dir, 'chrome-linux', 'chrome'), join(cache, dir, 'chrome-linux64', 'chrome'));
    }
  }
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

module.exports = {CHROMIUM_ARGS, findChromium};

if (require.main === module) {
  const found = findChromium();
  if (!found) {
    console.error(
      'No Chromium found: install one with "sudo apt-get install -y chromium" or set CHROME_PATH to a Chrome/Chromium binary.',
    );
    process.exit(1);
  }
  // --check only answers whether one exists (npm test runs it first, to fail in one line, early).
  if (!process.argv.includes('--check')) console.log(found);
}
