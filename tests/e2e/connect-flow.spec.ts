import {mkdirSync, readFileSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';
import {parseQwc} from '../../src/qbwc/qwc';
import {buildRequest, soapActionFor} from '../../src/qbwc/soap';

const SHOTS = '/tmp/shots-widgets2';
const CHECKLIST = [
  /Windows 10 or later/,
  /administrator/,
  /company file I want to connect is open/,
  /Verify Data/,
  /Update Web Services/,
];

function stepHeading(page: Page, number: number) {
  return page.getByRole('heading', {level: 2, name: new RegExp(`^Step ${number} of 5:`)});
}

function currentProgressItem(page: Page) {
  return page.getByRole('navigation', {name: 'Connection steps'}).locator('[aria-current="step"]');
}

async function tickChecklistWithMouse(page: Page) {
  for (const label of CHECKLIST) await page.getByRole('checkbox', {name: label}).check();
}

/** Steps 1 to 3 with the mouse; returns the issued user name and password. */
async function walkToWaiting(page: Page): Promise<{userName: string; password: string}> {
  await tickChecklistWithMouse(page);
  await page.getByRole('button', {name: 'Next'}).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', {name: 'Download the .qwc file'}).click();
  await download;
  await page.getByRole('button', {name: 'Next'}).click();
  const userName = await page.getByLabel('User name').inputValue();
  const password = await page.getByLabel('Password', {exact: true}).inputValue();
  await page.getByRole('button', {name: 'Next'}).click();
  await expect(stepHeading(page, 4)).toBeVisible();
  return {userName, password};
}

test('keyboard walk: checklist, download, password, reload, then the server hears the user and the flow moves on', async ({
  page,
  context,
  baseURL,
  consoleErrors,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoHydrated(page, '/connect');
  await expect(page.getByRole('heading', {level: 1, name: 'Connect QuickBooks Desktop'})).toBeVisible();
  await expect(currentProgressItem(page)).toContainText('Check the prerequisites');
  const next = page.getByRole('button', {name: 'Next'});
  await expect(next).toBeDisabled();

  // Step 1, keyboard only: Space ticks, Tab moves on.
  await page.getByRole('checkbox', {name: CHECKLIST[0]}).focus();
  for (let i = 0; i < CHECKLIST.length; i++) {
    await page.keyboard.press('Space');
    if (i < CHECKLIST.length - 1) await page.keyboard.press('Tab');
  }
  for (const label of CHECKLIST) await expect(page.getByRole('checkbox', {name: label})).toBeChecked();
  await expect(next).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');

  // Step 2: focus moved to the new heading; download the .qwc made for this user.
  await expect(stepHeading(page, 2)).toBeFocused();
  await expect(currentProgressItem(page)).toContainText('Add the application');
  await expect(page.getByText('File > Add an Application')).toBeVisible();
  await expect(page.getByText('Yes, always; allow access even if QuickBooks is not running')).toBeVisible();
  const downloadButton = page.getByRole('button', {name: 'Download the .qwc file'});
  await downloadButton.focus();
  const downloadEvent = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/\.qwc$/);
  const qwcText = readFileSync(await download.path(), 'utf8');
  const parsed = parseQwc(qwcText);
  // The page is served from 127.0.0.1, an IP address a real Web Connector refuses (QBWC1001/1002),
  // so the endpoint writes the same loopback origin as localhost, which it accepts over http.
  expect(parsed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  expect(parsed.model?.appUrl).toBe(`${baseURL!.replace('127.0.0.1', 'localhost')}/qbwc`);
  await expect(page.getByText(`Saved ${download.suggestedFilename()}`)).toBeVisible();
  await next.focus();
  await page.keyboard.press('Enter');

  // Step 3: the password for the user in the file, copied and announced.
  await expect(stepHeading(page, 3)).toBeFocused();
  const userName = await page.getByLabel('User name').inputValue();
  expect(userName).toBe(parsed.model?.userName);
  const passwordField = page.getByLabel('Password', {exact: true});
  await expect(passwordField).toHaveAttribute('readonly', '');
  const password = await passwordField.inputValue();
  expect(password.length).toBeGreaterThan(8);
  await page.getByRole('button', {name: 'Copy password'}).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({hasText: 'Password copied'})).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  for (const words of ['Auto-Run', 'Select All', 'Update Selected'])
    await expect(page.getByText(words, {exact: true}).first()).toBeVisible();
  await next.focus();
  await page.keyboard.press('Enter');

  // Step 4: waiting. A reload keeps the step, the user and the password.
  await expect(stepHeading(page, 4)).toBeFocused();
  await expect(page.getByText(/about 30 seconds/)).toBeVisible();
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await expect(stepHeading(page, 4)).toBeVisible();
  await expect(currentProgressItem(page)).toContainText('Waiting to hear from the Web Connector');
  await page.getByRole('button', {name: 'Back'}).click();
  await expect(page.getByLabel('Password', {exact: true})).toHaveValue(password);
  await page.getByRole('button', {name: 'Next'}).click();
  await expect(stepHeading(page, 4)).toBeFocused();

  // The real Web Connector's first call, sent from outside the page: the flow must notice on its own.
  const answer = await page.request.post('/qbwc', {
    headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapActionFor('authenticate')},
    data: buildRequest('authenticate', {strUserName: userName, strPassword: password}),
  });
  expect(answer.status()).toBe(200);
  expect(await answer.text()).not.toContain('nvu');

  await expect(stepHeading(page, 5)).toBeVisible({timeout: 15_000});
  await expect(stepHeading(page, 5)).toBeFocused();
  await expect(currentProgressItem(page)).toContainText('Connected');
  await expect(page.getByText(/The Web Connector signed in to the test service with your password at/)).toBeVisible();
  // The protocol's words stay behind a details control, out of the bookkeeper's way.
  await expect(page.getByText(/Host\/Company\/Preferences/)).toBeHidden();
  await page.getByText('Details of the exchange, for support and developers').click();
  await expect(page.getByRole('list', {name: 'Calls in the update'})).toContainText('authenticate');

  // Start over clears everything, including what was stored.
  await page.getByRole('button', {name: 'Start over'}).click();
  await expect(stepHeading(page, 1)).toBeFocused();
  await expect(page.getByRole('checkbox', {name: CHECKLIST[0]})).not.toBeChecked();
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await expect(stepHeading(page, 1)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('mouse walk with "Simulate the Web Connector here": the flow hears the simulated update and shows the exchange', async ({
  page,
  consoleErrors,
}) => {
  await gotoHydrated(page, '/connect');
  await walkToWaiting(page);
  await page.getByRole('button', {name: 'Simulate the Web Connector here'}).click();
  await expect(stepHeading(page, 5)).toBeVisible({timeout: 15_000});
  // A simulation says it was one, and what the real run will look like; it never claims a connection.
  const main = page.getByRole('main');
  await expect(main).toContainText(/Simulated at .*: this page played the Web Connector's part/);
  await expect(main).toContainText('QuickBooks Desktop is not connected yet');
  await expect(main).toContainText('The real run looks the same from here');
  await expect(main).not.toContainText('QuickBooks Desktop is connected');
  await expect(main).not.toContainText('The Web Connector signed in');
  await main.screenshot({path: 'test-results/shots/connect-simulated.png'});
  await page.getByText('Details of the exchange, for support and developers').click();
  const calls = page.getByRole('list', {name: 'Calls in the update'}).getByRole('listitem');
  await expect(calls.first()).toContainText('serverVersion');
  await expect(calls.last()).toContainText('closeConnection');
  const toggle = page.getByRole('button', {name: 'Envelopes of call 4, sendRequestXML'});
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText('Response from sendRequestXML')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('the flow says at the start that it sets up a test connection, and names it as QuickBooks will', async ({page}) => {
  await gotoHydrated(page, '/connect');
  const main = page.getByRole('main');
  await expect(main.getByText('This sets up a test connection.')).toBeVisible();
  await expect(main).toContainText(/connected to .*test service/);
  await expect(main).toContainText(/QuickBooks shows it as .+ test\./);
  await expect(main).not.toContainText(/Connect your company file to/);
});

test('after 2 minutes without news, the waiting step says what to check', async ({page}) => {
  await page.clock.install();
  await gotoHydrated(page, '/connect');
  await walkToWaiting(page);
  await expect(page.getByText(/Still nothing after 2 minutes/)).toHaveCount(0);
  await page.clock.fastForward('02:05');
  await expect(page.getByText(/Still nothing after 2 minutes/)).toBeVisible();
  const link = page.getByRole('link', {name: /never hears from the Web Connector/});
  await expect(link).toHaveAttribute('href', '/docs/troubleshooting#flow-not-hearing');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every step passes axe and reads at 375 px (${colorScheme})`, async ({browser}) => {
    const context = await browser.newContext({colorScheme, viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true});
    const page = await context.newPage();
    mkdirSync(SHOTS, {recursive: true});
    await gotoHydrated(page, '/connect');
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);

    async function inspect(step: number) {
      await expect(stepHeading(page, step)).toBeVisible();
      expect(await axeViolations(page), `axe on step ${step}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `sideways scrolling on step ${step}`).toBeLessThanOrEqual(1);
      await page.locator('main').screenshot({path: `${SHOTS}/flow-${step}-${colorScheme}.png`});
    }

    await inspect(1);
    await tickChecklistWithMouse(page);
    await page.getByRole('button', {name: 'Next'}).click();
    await inspect(2);
    const download = page.waitForEvent('download');
    await page.getByRole('button', {name: 'Download the .qwc file'}).click();
    await download;
    await page.getByRole('button', {name: 'Next'}).click();
    await inspect(3);
    await page.getByRole('button', {name: 'Next'}).click();
    await inspect(4);
    await page.getByRole('button', {name: 'Simulate the Web Connector here'}).click();
    await inspect(5);
    await context.close();
  });
}
