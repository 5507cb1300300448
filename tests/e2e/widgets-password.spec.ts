import {mkdirSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';
import {checkPassword, generatePassword} from '../../src/qbwc/password';

const TOOL = '/docs/tools/password-check';
const SHOTS = '/tmp/shots-widgets1';
// A fixed password with letters, the digit 0 and a last group, so every kind of damage applies.
const PASSWORD = generatePassword((bytes) => bytes.forEach((_, index) => (bytes[index] = (index * 7) % 32)));

async function openTool(page: Page): Promise<void> {
  await gotoHydrated(page, TOOL);
  await expect(page.getByRole('heading', {name: 'Check a password', exact: true})).toBeVisible();
}

function checkRegion(page: Page) {
  return page.getByRole('region', {name: 'Check a password', exact: true});
}

const damages: {name: string; pasted: string; says: RegExp}[] = [
  {name: 'a trailing space', pasted: `${PASSWORD} `, says: /ends with a space/},
  {name: 'lower case', pasted: PASSWORD.toLowerCase(), says: /lower case/},
  {name: 'the letter O for the digit 0', pasted: PASSWORD.replace('0', 'O'), says: /the letter "O".*digit 0/},
  {name: 'a missing last group', pasted: PASSWORD.slice(0, -2), says: /looks cut off/},
];

test('the fixed test password has what the damage cases need', () => {
  expect(PASSWORD).toMatch(/0/);
  expect(PASSWORD).toMatch(/[A-Z]/);
  expect(checkPassword(PASSWORD).ok).toBe(true);
});

for (const damage of damages) {
  test(`a password with ${damage.name} is diagnosed in words`, async ({page, consoleErrors}) => {
    await openTool(page);
    const region = checkRegion(page);
    await region.getByLabel('Password as pasted').fill(damage.pasted);
    await region.getByRole('button', {name: 'Check'}).click();
    const problems = region.getByRole('list', {name: 'Problems found'});
    await expect(problems).toContainText(damage.says);
    for (const problem of checkPassword(damage.pasted).problems) await expect(problems).toContainText(problem.message);
    await expect(region.getByRole('status').first()).toContainText(/problems? found/);
    expect(consoleErrors).toEqual([]);
  });
}

test('the box keeps a pasted line break, names it, and the browser does not fill or correct it', async ({page}) => {
  await openTool(page);
  const input = checkRegion(page).getByLabel('Password as pasted');
  await input.fill(`${PASSWORD}\n`);
  await expect(input).toHaveValue(`${PASSWORD}\n`);
  const lineBreak = checkPassword(`${PASSWORD}\n`).problems.find((p) => p.kind === 'line-break');
  expect(lineBreak).toBeDefined();
  await expect(checkRegion(page).getByRole('list', {name: 'Problems found'})).toContainText(lineBreak!.message);
  await expect(input).toHaveAttribute('autocomplete', 'off');
  await expect(input).toHaveAttribute('spellcheck', 'false');
  await expect(checkRegion(page)).toContainText('Nothing is sent or stored.');
});

test('several kinds of damage at once give the corrected password, which copies', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTool(page);
  const region = checkRegion(page);
  await region.getByLabel('Password as pasted').fill(` ${PASSWORD.toLowerCase().replace('0', 'o')}\n`);
  await expect(region).toContainText(`Corrected password: ${PASSWORD}`);
  await region.getByRole('button', {name: 'Copy fixed password'}).click();
  await expect(region.getByRole('status').filter({hasText: 'Copied'})).toHaveText('Copied the corrected password.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PASSWORD);
  await region.getByRole('button', {name: 'Put it in the box'}).click();
  await expect(region.getByLabel('Password as pasted')).toHaveValue(PASSWORD);
  await expect(region).toContainText('No problems found');
});

test('a generated password passes the check and copies', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTool(page);
  const region = page.getByRole('region', {name: 'Generate a connector password', exact: true});
  await region.getByRole('button', {name: 'Generate a password', exact: true}).click();
  const generated = region.getByLabel('Generated password');
  await expect(generated).toHaveValue(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
  const value = await generated.inputValue();
  expect(checkPassword(value).ok).toBe(true);
  await region.getByRole('button', {name: 'Copy generated password'}).click();
  await expect(region.getByRole('status')).toHaveText('Copied the generated password.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
});

test('verifies an issued password against the in-browser endpoint, and reports nvu for a damaged one', async ({page}) => {
  await openTool(page);
  const verify = page.getByRole('region', {name: 'Verify against the test endpoint', exact: true});
  await expect(verify.getByLabel('Test endpoint')).toHaveValue('browser');
  await verify.getByRole('button', {name: 'Create a test user'}).click();
  await expect(verify.getByRole('status')).toContainText('Created the test user');
  await expect(verify.getByLabel('User name')).not.toHaveValue('');
  const password = checkRegion(page).getByLabel('Password as pasted');
  const issued = await password.inputValue();
  expect(checkPassword(issued).ok).toBe(true);

  await verify.getByRole('button', {name: 'Verify password'}).click();
  await expect(verify.getByRole('status')).toContainText('Accepted: the user name and password match');

  await password.fill(issued.slice(0, -2));
  await verify.getByRole('button', {name: 'Verify password'}).click();
  await expect(verify.getByRole('status')).toContainText('the endpoint answered nvu: the password doesn’t match this user');
  await expect(verify.getByRole('link', {name: /password is not accepted/})).toHaveAttribute(
    'href',
    '/docs/troubleshooting#msg-invalid-password',
  );
});

test('a password in another format gets one line about the format and only the checks that fit any password', async ({page}) => {
  await openTool(page);
  const region = checkRegion(page);
  await expect(region.getByText(/look like K7QF-9MZX-2D4T-8HWC-R/)).toBeVisible();
  const box = region.getByLabel('Password as pasted');

  await box.fill('Tr7#kQ9v!mZ2pL4x');
  await region.getByRole('button', {name: 'Check'}).click();
  await expect(region.getByRole('status').first()).toHaveText(
    'No spaces at the ends, line breaks, invisible or look-alike characters found.',
  );
  await expect(region.getByText(/is not in the format of .* passwords/)).toBeVisible();
  await expect(region.getByRole('list', {name: 'Problems found'})).toHaveCount(0);
  await region.screenshot({path: 'test-results/shots/password-other-format.png'});

  await box.fill(' abc ');
  await region.getByRole('button', {name: 'Check'}).click();
  await expect(region.getByRole('status').first()).toHaveText('2 problems found.');
  const problems = region.getByRole('list', {name: 'Problems found'}).getByRole('listitem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('starts with a space');
  await expect(problems.nth(1)).toContainText('ends with a space');
  await expect(region.getByRole('list', {name: 'Problems found'})).not.toContainText(/capitals|cut off|dash/);
});

test('a cut-off password reads as English: one group "is" there, missing dashes "are" missing', async ({page}) => {
  await openTool(page);
  const region = checkRegion(page);
  await region.getByLabel('Password as pasted').fill(PASSWORD.slice(0, 5));
  await region.getByRole('button', {name: 'Check'}).click();
  await expect(region.getByRole('list', {name: 'Problems found'})).toContainText('only 1 of its 5 groups is there');
  await region.getByLabel('Password as pasted').fill(PASSWORD.replace(/^(.{4})-(.{4})-/, '$1$2'));
  await region.getByRole('button', {name: 'Check'}).click();
  await expect(region.getByRole('list', {name: 'Problems found'})).toContainText(
    'The dashes after the 1st and 2nd groups are missing.',
  );
});

test('verifying signs in as the Web Connector does, through the same calls, and closes the session', async ({page}) => {
  await openTool(page);
  const verify = page.getByRole('region', {name: 'Verify against the test endpoint', exact: true});
  await verify.getByLabel('Test endpoint').selectOption('server');
  await verify.getByRole('button', {name: 'Create a test user'}).click();
  await expect(verify.getByRole('status')).toContainText('Created the test user');
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/qbwc')
      calls.push((request.headers()['soapaction'] ?? '').replace(/^"http:\/\/developer\.intuit\.com\/|"$/g, ''));
  });
  await verify.getByRole('button', {name: 'Verify password'}).click();
  await expect(verify.getByRole('status')).toContainText('Accepted');
  expect(calls).toEqual(['serverVersion', 'clientVersion', 'authenticate', 'closeConnection']);
});

test('verifies against this site’s server endpoint when one runs', async ({page}) => {
  await openTool(page);
  const verify = page.getByRole('region', {name: 'Verify against the test endpoint', exact: true});
  const health = await page.request.get('/qbwc/health');
  expect(health.ok()).toBe(true);
  await expect(verify.getByRole('option', {name: /This site’s server/})).toHaveCount(1);
  await verify.getByLabel('Test endpoint').selectOption('server');
  await verify.getByRole('button', {name: 'Create a test user'}).click();
  await expect(verify.getByRole('status')).toContainText('Created the test user');
  await verify.getByRole('button', {name: 'Verify password'}).click();
  await expect(verify.getByRole('status')).toContainText('Accepted');
  await verify.getByLabel('User name').fill('nobody-at-all');
  await verify.getByRole('button', {name: 'Verify password'}).click();
  await expect(verify.getByRole('status')).toContainText('answered nvu');
});

test('keyboard only: type, press Enter to check, reach Copy fixed password with Tab', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTool(page);
  const input = checkRegion(page).getByLabel('Password as pasted');
  await input.focus();
  await page.keyboard.type(`${PASSWORD.toLowerCase()} `);
  await page.keyboard.press('Enter');
  await expect(checkRegion(page).getByRole('status').first()).toBeFocused();
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Copy fixed password') break;
  }
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PASSWORD);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations with a diagnosis shown, ${colorScheme} mode`, async ({browser}) => {
    const context = await browser.newContext({colorScheme});
    const page = await context.newPage();
    await openTool(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await checkRegion(page).getByLabel('Password as pasted').fill(` ${PASSWORD.toLowerCase()}\n`);
    await expect(checkRegion(page)).toContainText('Corrected password');
    expect(await axeViolations(page), 'with the diagnosis of a damaged password').toEqual([]);
    mkdirSync(SHOTS, {recursive: true});
    await checkRegion(page).screenshot({path: `${SHOTS}/password-check-${colorScheme}.png`});
    await page.getByRole('button', {name: 'Create a test user'}).click();
    await page.getByRole('button', {name: 'Verify password'}).click();
    await expect(
      page.getByRole('region', {name: 'Verify against the test endpoint', exact: true}).getByRole('status'),
    ).toContainText('Accepted');
    await page.getByRole('button', {name: 'Generate a password', exact: true}).click();
    expect(await axeViolations(page), 'after verifying and generating').toEqual([]);
    await page.screenshot({path: `${SHOTS}/password-${colorScheme}.png`, fullPage: true});
    await context.close();
  });
}

test('the password check fits a 375 px wide phone screen', async ({browser}) => {
  const context = await browser.newContext({viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true});
  const page = await context.newPage();
  await openTool(page);
  await checkRegion(page)
    .getByLabel('Password as pasted')
    .fill(`${PASSWORD.toLowerCase().replace('0', 'o')}   `);
  await expect(checkRegion(page)).toContainText('Corrected password');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  mkdirSync(SHOTS, {recursive: true});
  await page.screenshot({path: `${SHOTS}/password-mobile.png`, fullPage: true});
  await context.close();
});
