import {mkdirSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';

const PATH = '/docs/tools/connection-check';
const SHOTS = '/tmp/shots-widgets2';

const scenarios = [
  {label: 'Healthy', outcome: /Connected: the whole exchange worked/, last: 'closeConnection', anchor: null},
  {
    label: 'Wrong password',
    outcome: /password was not accepted \(nvu\)/,
    last: 'closeConnection',
    anchor: 'msg-invalid-password',
  },
  {label: 'Busy', outcome: /busy and asked to come back later/, last: 'closeConnection', anchor: 'msg-postponed'},
  {label: 'No work to do', outcome: /nothing to do \(none\)/, last: 'closeConnection', anchor: 'msg-no-data-exchange'},
  {label: 'QuickBooks not running', outcome: /could not reach QuickBooks/, last: 'closeConnection', anchor: 'hresult-0x80040408'},
  {
    label: 'qbXML error',
    outcome: /QuickBooks could not read the service's request/,
    last: 'closeConnection',
    anchor: 'hresult-0x80040400',
  },
] as const;

function widget(page: Page) {
  return page.getByRole('region', {name: 'Connection check'});
}

for (const scenario of scenarios) {
  test(`in-browser endpoint, scenario "${scenario.label}": steps, outcome and the link to its fix`, async ({
    page,
    consoleErrors,
  }) => {
    await gotoHydrated(page, PATH);
    const check = widget(page);
    await expect(check.getByRole('radio', {name: /Bundled test endpoint in this browser/})).toBeChecked();
    await check.getByLabel('Scenario').selectOption({label: scenario.label});
    await check.getByRole('button', {name: 'Run the check'}).click();

    const status = check.getByRole('status');
    await expect(status).toContainText(scenario.outcome);
    const calls = check.getByRole('list', {name: 'Calls in this check'}).getByRole('listitem');
    await expect(calls.first()).toContainText('serverVersion');
    await expect(calls.nth(2)).toContainText('authenticate');
    await expect(calls.last()).toContainText(scenario.last);
    // Each call says its status in words and how long it took.
    await expect(calls.first()).toContainText(/OK|Warning|Error/);
    await expect(calls.first()).toContainText(/\d+ ms|\d+(\.\d)? s/);
    await expect(check.getByRole('button', {name: 'Run the check'})).toBeEnabled();

    if (scenario.anchor === null) {
      await expect(status.getByRole('link')).toHaveCount(0);
    } else {
      const link = status.getByRole('link', {name: /How to fix it|Read more/});
      await expect(link).toHaveAttribute('href', `/docs/troubleshooting#${scenario.anchor}`);
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/docs/troubleshooting#${scenario.anchor}$`));
      await expect(page.locator(`[id="${scenario.anchor}"]`)).toBeInViewport();
    }
    expect(consoleErrors).toEqual([]);
  });
}

test('a step opens its request and response envelopes on demand, and Reset clears the run', async ({page, consoleErrors}) => {
  await gotoHydrated(page, PATH);
  const check = widget(page);
  await check.getByRole('button', {name: 'Run the check'}).click();
  await expect(check.getByRole('status')).toContainText('Connected');

  const toggle = check.getByRole('button', {name: 'Envelopes of call 3, authenticate'});
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Request sent to authenticate');
  await expect(panel).toContainText('<strUserName>');
  await expect(panel).toContainText('Response from authenticate');
  await expect(panel).toContainText('<authenticateResult>');
  // Indented for reading, and the code block offers its copy button.
  expect(await panel.locator('pre').first().innerText()).toMatch(/\n\s+<soap:Body>/);
  await expect(panel.getByRole('button', {name: /copy/i}).first()).toBeVisible();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();

  await check.getByRole('button', {name: 'Reset'}).click();
  await expect(check.getByRole('list', {name: 'Calls in this check'})).toHaveCount(0);
  await expect(check.getByRole('status')).toHaveText('');
  expect(consoleErrors).toEqual([]);
});

test('target "This site\'s /qbwc" issues a connection on the server and connects', async ({page, consoleErrors}) => {
  await gotoHydrated(page, PATH);
  const check = widget(page);
  const target = check.getByRole('radio', {name: /This site's \/qbwc/});
  await expect(target).toBeEnabled();
  await target.check();
  const issued = page.waitForResponse((response) => response.url().endsWith('/qbwc/connections') && response.status() === 201);
  const soapCalls: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/qbwc')
      soapCalls.push(request.headers()['soapaction'] ?? '');
  });
  await check.getByRole('button', {name: 'Run the check'}).click();
  await issued;
  await expect(check.getByRole('status')).toContainText('Connected: the whole exchange worked');
  expect(soapCalls[0]).toBe('"http://developer.intuit.com/serverVersion"');
  expect(soapCalls).toContain('"http://developer.intuit.com/closeConnection"');
  expect(consoleErrors).toEqual([]);
});

test('the Run button says Running… and is disabled while a call is pending; Cancel stops it', async ({page}) => {
  await gotoHydrated(page, PATH);
  const check = widget(page);
  await check.getByRole('radio', {name: /This site's \/qbwc/}).check();
  // Hold the SOAP calls so the running state can be seen.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/qbwc', async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await check.getByRole('button', {name: 'Run the check'}).click();
  const running = check.getByRole('button', {name: 'Running…'});
  await expect(running).toBeDisabled();
  await expect(check.getByRole('status')).toContainText('Running the check');
  await check.getByRole('button', {name: 'Cancel'}).click();
  await expect(check.getByRole('button', {name: 'Run the check'})).toBeEnabled();
  await expect(check.getByRole('status')).toHaveText('');
  release();
});

test('a service URL that refuses connections is explained, with what to try and a terminal script', async ({page}) => {
  await gotoHydrated(page, PATH);
  const check = widget(page);
  await check.getByRole('radio', {name: /Your own service URL/}).check();
  await expect(check.getByLabel('Scenario')).toHaveCount(0);

  await check.getByRole('button', {name: 'Run the check'}).click();
  await expect(check.getByRole('textbox', {name: 'Service URL'})).toBeFocused();
  await expect(check.getByText(/Enter the address of your service/)).toBeVisible();

  await check.getByRole('textbox', {name: 'Service URL'}).fill('http://127.0.0.1:9/qbwc');
  await check.getByRole('textbox', {name: 'User name'}).fill('someone');
  await check.getByLabel('Password', {exact: true}).fill('not-a-real-password');
  await check.getByRole('button', {name: 'Run the check'}).click();

  const status = check.getByRole('status');
  await expect(status).toContainText('The service could not be reached.', {timeout: 20_000});
  await expect(status).toContainText("This site's server called http://127.0.0.1:9/qbwc for you");
  await expect(status).toContainText('could not be reached from this site');
  const calls = check.getByRole('list', {name: 'Calls in this check'}).getByRole('listitem');
  await expect(calls).toHaveCount(1);
  await expect(calls.first()).toContainText('Error');
  await expect(check.getByText("URL='http://127.0.0.1:9/qbwc'")).toBeVisible();

  const link = status.getByRole('link', {name: /How to fix it/});
  await expect(link).toHaveAttribute('href', '/docs/troubleshooting#endpoint-unreachable');
  await link.click();
  await expect(page.locator('[id="endpoint-unreachable"]')).toBeInViewport();
});

test('keyboard only: choose a scenario, run, open envelopes', async ({page}) => {
  await gotoHydrated(page, PATH);
  const check = widget(page);
  await check.getByRole('radio', {name: /Bundled test endpoint/}).focus();
  // Arrow keys move within the radio group; the disabled-free path lands on the custom target and back.
  await page.keyboard.press('ArrowUp');
  await expect(check.getByRole('radio', {name: /Your own service URL/})).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(check.getByRole('radio', {name: /Bundled test endpoint/})).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(check.getByLabel('Scenario')).toBeFocused();
  await check.getByLabel('Scenario').selectOption('busy');
  await page.keyboard.press('Tab');
  await expect(check.getByRole('button', {name: 'Run the check'})).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(check.getByRole('status')).toContainText('busy');
  const toggle = check.getByRole('button', {name: 'Envelopes of call 1, serverVersion'});
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(check.getByText('Response from serverVersion')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations with results and envelopes open (${colorScheme})`, async ({browser}) => {
    const context = await browser.newContext({colorScheme});
    const page = await context.newPage();
    await gotoHydrated(page, PATH);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    const check = widget(page);
    expect(await axeViolations(page), 'before a run').toEqual([]);
    await check.getByLabel('Scenario').selectOption('qbxml-error');
    await check.getByRole('button', {name: 'Run the check'}).click();
    await expect(check.getByRole('status')).toContainText('could not read');
    await check.getByRole('button', {name: /envelopes of call 5/i}).click();
    expect(await axeViolations(page), 'after a failed run').toEqual([]);
    mkdirSync(SHOTS, {recursive: true});
    await check.screenshot({path: `${SHOTS}/check-${colorScheme}.png`});
    await context.close();
  });
}

test('fits a 375 px screen without sideways scrolling', async ({browser}) => {
  const context = await browser.newContext({viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true});
  const page = await context.newPage();
  await gotoHydrated(page, PATH);
  const check = widget(page);
  await check.getByRole('button', {name: 'Run the check'}).click();
  await expect(check.getByRole('status')).toContainText('Connected');
  await check.getByRole('button', {name: /envelopes of call 4/i}).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  mkdirSync(SHOTS, {recursive: true});
  await check.screenshot({path: `${SHOTS}/check-375.png`});
  await context.close();
});
