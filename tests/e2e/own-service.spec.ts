import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated} from './fixtures';

// A real Web Connector service as integrators build them: the `soap` package, with no CORS headers.
// scripts/bench/soap-server.mjs serves our WSDL with handlers for user bench-user.
const USER = 'bench-user';
const PASSWORD = 'bench-password-Q7r2';
const PATH = '/docs/tools/connection-check';
const ROOT = join(__dirname, '../..');

let service: ChildProcess | undefined;
let serviceUrl = '';

test.beforeAll(async ({request}) => {
  const wsdl = await (await request.get('/qbwc?wsdl')).text();
  const dir = join(ROOT, 'test-results', 'own-service');
  mkdirSync(dir, {recursive: true});
  const wsdlFile = join(dir, `qbwc-${process.pid}.wsdl`);
  writeFileSync(wsdlFile, wsdl);
  const child = spawn(process.execPath, [join(ROOT, 'scripts/bench/soap-server.mjs'), wsdlFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  service = child;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as {port: number}).port));
  });
  serviceUrl = `http://127.0.0.1:${port}/qbwc`;
});

test.afterAll(() => {
  service?.kill();
});

function widget(page: Page) {
  return page.getByRole('region', {name: 'Connection check'});
}

async function checkOwnService(page: Page, url: string): Promise<void> {
  const check = widget(page);
  await check.getByRole('radio', {name: /Your own service URL/}).check();
  await check.getByRole('textbox', {name: 'Service URL'}).fill(url);
  await check.getByRole('textbox', {name: 'User name'}).fill(USER);
  await check.getByLabel('Password', {exact: true}).fill(PASSWORD);
  await check.getByRole('button', {name: 'Run the check'}).click();
}

test('a working service without CORS headers passes the check, through the site’s relay', async ({page}) => {
  await gotoHydrated(page, PATH);
  const check = widget(page);
  await expect(check.getByText(/called through this site's server/)).toBeVisible();
  await checkOwnService(page, serviceUrl);
  const status = check.getByRole('status');
  await expect(status).toContainText('Connected: the whole exchange worked.', {timeout: 30_000});
  const calls = check.getByRole('list', {name: 'Calls in this check'}).getByRole('listitem');
  await expect(calls.first()).toContainText('serverVersion');
  await expect(calls.last()).toContainText('closeConnection');
  // The button says what the instructions say.
  const toggle = check.getByRole('button', {name: 'Show envelopes of call 3, authenticate'});
  await toggle.click();
  await expect(check.getByText('Response from authenticate')).toBeVisible();
  await check.screenshot({path: 'test-results/shots/own-service-relayed.png'});
});

test('without a relay (static host), a service the browser may not read is neutral news, with a script to run', async ({
  page,
}) => {
  // A static host has neither the endpoint's health address nor the relay.
  await page.route('**/qbwc/health', (route) => route.fulfill({status: 404, body: 'Not Found'}));
  await page.route('**/qbwc/relay', (route) => route.fulfill({status: 404, body: 'Not Found'}));
  await gotoHydrated(page, PATH);
  const check = widget(page);
  await expect(check.getByText('Your own Web Connector service, called from this browser.')).toBeVisible();
  await checkOwnService(page, serviceUrl);
  const status = check.getByRole('status');
  await expect(status).toContainText('This service cannot be checked from a browser.', {timeout: 30_000});
  await expect(status).not.toContainText(/Problem:|failed|could not be reached/);
  await expect(status.getByText('Note:')).toBeAttached();

  const script = check.locator('pre').last();
  await expect(script).toContainText(`URL='${serviceUrl}'`);
  await expect(script).toContainText(`USER_NAME='${USER}'`);
  for (const method of ['serverVersion', 'clientVersion', 'authenticate']) await expect(script).toContainText(`call ${method}`);
  await expect(script).not.toContainText(PASSWORD);

  // A new run clears the last run's report, even one that cannot start.
  await check.getByRole('textbox', {name: 'Service URL'}).fill('');
  await check.getByRole('button', {name: 'Run the check'}).click();
  await expect(check.getByText(/Enter the address of your service/)).toBeVisible();
  await expect(status).not.toContainText('cannot be checked from a browser');
  await expect(check.getByRole('list', {name: 'Calls in this check'}).getByRole('listitem')).toHaveCount(0);
});

test('the relay refuses a private address and says why', async ({request}) => {
  const answer = await request.post('/qbwc/relay', {
    headers: {'content-type': 'application/json'},
    data: {url: 'https://10.0.0.1/qbwc', method: 'serverVersion', params: {}},
  });
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toMatchObject({reason: 'not-public'});
});
