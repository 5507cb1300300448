import {readFileSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';
import {buildLargeLog, readLogFixture} from '../fixtures/logs/fixtures';
import {diagnoseLog} from '../../src/qbwc/log/diagnose';
import {parseLog} from '../../src/qbwc/log/parse';

const TOOL = '/docs/tools/log-reader';
const NVU = readLogFixture('07-authenticate-nvu-invalid-user-postponed.txt');
const MODAL = readLogFixture('04-add-qwc-registry-error-QBWC1053-modal-dialog.txt');
const NO_PASSWORD = readLogFixture('06-password-not-set-QBWC1030-enter-password.txt');
const TWO_APPS = readLogFixture('synthetic-busy-company-file-unknown-code.txt');
const PRIVATE = [
  readLogFixture('01-verbose-header-iterator-request-cycle.txt'),
  readLogFixture('02-successful-session-close-unlock.txt'),
  NVU,
].join('\n');
const TICKET = 'd73e6639-d3ea-e184-a128-d4dfe17ea3be';
const USER = 'int_conn_qirjaaHPPLrWXG';

async function openTool(page: Page): Promise<void> {
  await gotoHydrated(page, TOOL);
  await expect(page.getByRole('heading', {name: 'Read a log', exact: true})).toBeVisible();
}

function pasteBox(page: Page) {
  return page.getByLabel('Or paste the log, or an error message');
}

async function paste(page: Page, text: string): Promise<void> {
  await pasteBox(page).fill(text);
  await page.getByRole('button', {name: 'Read the log'}).click();
}

/** Drops a file made of these bytes on the drop zone, as dragging it from Explorer does. */
async function dropFile(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([data, fileName]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], fileName, {type: 'text/plain'}));
      return transfer;
    },
    [Array.from(bytes), name] as const,
  );
  await page.getByRole('group', {name: 'Choose or drop a log file'}).dispatchEvent('drop', {dataTransfer});
}

test('a pasted log is read in the page: summary first, the fix linked, a timeline, and no request leaves', async ({
  page,
  consoleErrors,
}) => {
  await openTool(page);
  await expect(page.getByText('Nothing leaves this page.')).toBeVisible();
  // Every request but the site's own code and styles, which the page may fetch at any time (the
  // code of pages its links point at is prefetched when they come into view, such as the fix's link).
  const requests: string[] = [];
  const ownAssets = new URL('/assets/', page.url()).href;
  page.on('request', (request) => {
    if (request.method() === 'GET' && request.url().startsWith(ownAssets)) return;
    requests.push(`${request.method()} ${request.url()}`);
  });

  await paste(page, NVU);
  const summary = page.getByRole('region', {name: 'Summary'});
  await expect(summary).toContainText(
    'development - pisanchyn-law-firm, last run 2025-05-19 13:33:53 UTC (scheduled (Auto-Run))',
  );
  await expect(summary).toContainText('The service refused the user name or password (authenticate returned nvu).');
  await expect(summary.getByRole('link', {name: 'How to fix it'})).toHaveAttribute(
    'href',
    '/docs/troubleshooting#msg-invalid-password',
  );
  await expect(page.getByRole('heading', {name: 'Summary', exact: true})).toBeFocused();
  await expect(page.getByRole('status').filter({hasText: 'Read the pasted text'})).toContainText('1 application');

  const steps = page.getByRole('list', {name: 'Steps of the run at 2025-05-19 13:33:53 UTC'});
  await expect(steps.getByRole('listitem')).toHaveText([
    /serverVersion: returned "0.0.0"/,
    /clientVersion: sent version 33.0.10015.91; the service accepted the version/,
    /authenticate: returned nvu/,
    /postponed: update postponed for 10 seconds/,
    /end: the update ended with errors/,
    /error: QBWC1031/,
  ]);
  await expect(summary).toContainText('33.0.10015.91');

  // Reading the log sent and fetched nothing: the worker was started with the tool, before the log
  // was pasted, and no request went anywhere with it.
  expect(requests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a chosen file is read; a finding links to its catalogue entry and to its line', async ({page, consoleErrors}) => {
  await openTool(page);
  await page
    .getByLabel('Choose a log file')
    .setInputFiles({name: 'QWCLog.txt', mimeType: 'text/plain', buffer: Buffer.from(MODAL)});
  const summary = page.getByRole('region', {name: 'Summary'});
  await expect(summary).toContainText(
    'Hit QBWC1053: A dialog box is open in QuickBooks, then connected to QuickBooks on a later try.',
  );
  await expect(summary).toContainText('while adding the application');

  const findings = page.getByRole('region', {name: 'Codes and messages found'});
  const row = findings.getByRole('row', {name: /QBWC1053/});
  await expect(row).toContainText('A modal dialog box is showing in the QuickBooks user interface');
  await expect(findings.getByRole('row', {name: /Object reference not set/})).toBeVisible();

  await summary.getByRole('link', {name: 'the line in the log'}).click();
  await expect(page).toHaveURL(/#log-qbwc1053$/);
  await expect(row).toBeInViewport();

  await row.getByRole('link', {name: 'QBWC1053: A dialog box is open in QuickBooks'}).click();
  await expect(page).toHaveURL(/\/docs\/troubleshooting#qbwc1053$/);
  await expect(page.getByRole('heading', {name: 'QBWC1053: A dialog box is open in QuickBooks'})).toBeInViewport();
  expect(consoleErrors).toEqual([]);
});

test('a dropped log saved by Notepad as Unicode (UTF-16, CRLF) is read', async ({page}) => {
  await openTool(page);
  const bytes = Buffer.from(`\uFEFF${NO_PASSWORD.replace(/\n/g, '\r\n')}`, 'utf16le');
  await dropFile(page, bytes, 'QWCLog.txt');
  const summary = page.getByRole('region', {name: 'Summary'});
  await expect(summary).toContainText('Stopped on QBWC1030: No password is set for the application.');
  await expect(summary.getByRole('link', {name: 'How to fix it'})).toHaveAttribute('href', '/docs/troubleshooting#qbwc1030');
  await expect(page.getByRole('region', {name: 'Runs'})).toContainText('7 runs, oldest first.');
});

test('two applications each get their last run; an unknown code is shown as such', async ({page}) => {
  await openTool(page);
  await paste(page, TWO_APPS);
  const lastRuns = page.getByRole('list', {name: 'Last run of each application'}).getByRole('listitem');
  await expect(lastRuns).toHaveCount(2);
  await expect(lastRuns.nth(0)).toContainText('Orders Sync');
  await expect(lastRuns.nth(0)).toContainText('Stopped on QBWC1099, a code the troubleshooting catalogue does not explain yet.');
  await expect(lastRuns.nth(1)).toContainText('Payroll Export');
  await expect(lastRuns.nth(1).getByRole('link', {name: 'How to fix it'})).toHaveAttribute(
    'href',
    '/docs/troubleshooting#msg-invalid-password',
  );
  const unknown = page.getByRole('row', {name: /QBWC1099/});
  await expect(unknown).toContainText('QBWC1099: not in the troubleshooting catalogue yet');
  await expect(unknown.getByRole('link')).toHaveCount(0);
});

test('copies and downloads a redacted log, and lists what was masked', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTool(page);
  await paste(page, PRIVATE);
  const share = page.getByRole('region', {name: 'Share with support'});
  await share.getByRole('button', {name: 'Copy a redacted log for support'}).click();
  await expect(share.getByRole('status')).toHaveText('Copied the redacted log. Paste it into your message to support.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  for (const secret of [TICKET, USER, 'sample_wholesale-distribution business.QBW', 'MOUMITA']) {
    expect(copied).not.toContain(secret);
  }
  expect(copied).toContain('wcTicket="[ticket-1]"');
  expect(copied).toContain("username = '[user-1]'");
  expect(copied).toContain('cfn="[company-file-1]"');
  const masked = share.getByRole('list', {name: 'What was masked'});
  await expect(masked).toContainText('[ticket-1]: a session ticket, 3 places');
  await expect(masked).toContainText('[user-1]: a user name');
  await expect(masked).toContainText('[company-file-1]: a company file path, 1 place');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    share.getByRole('button', {name: 'Download the redacted log'}).click(),
  ]);
  expect(download.suggestedFilename()).toBe('QWCLog-redacted.txt');
  const saved = readFileSync((await download.path())!, 'utf8');
  expect(saved).toBe(copied);

  await share.getByLabel('Leave out the XML data (it can hold your customers’ names and addresses)').check();
  await share.getByRole('button', {name: 'Copy a redacted log for support'}).click();
  await expect(share).toContainText('lines of XML left out.');
  const withoutXml = await page.evaluate(() => navigator.clipboard.readText());
  expect(withoutXml).not.toContain('<CustomerQueryRq');
});

test('a 10 MB log is read in a worker with progress, and the page keeps answering', async ({page}) => {
  // Heavy by design; on a busy machine it needs more than the usual minute.
  test.slow();
  const {text, repeats} = buildLargeLog(10 * 1024 * 1024);
  const expected = diagnoseLog(parseLog(text));
  await openTool(page);
  // The file is made inside the page from the excerpts (sending 10 MB through the test driver is slow), then dropped.
  const block = text.slice(0, text.length / repeats);
  const dataTransfer = await page.evaluateHandle(
    ([part, times]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([part.repeat(times)], 'QWCLog-10MB.txt', {type: 'text/plain'}));
      return transfer;
    },
    [block, repeats] as const,
  );
  await page.getByRole('group', {name: 'Choose or drop a log file'}).dispatchEvent('drop', {dataTransfer});
  await expect(page.getByRole('progressbar')).toBeVisible();
  // The page answers typing while the log is read.
  await pasteBox(page).fill('typed while reading');
  await expect(pasteBox(page)).toHaveValue('typed while reading');

  await expect(page.getByRole('region', {name: 'Summary'})).toBeVisible({timeout: 45_000});
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('status').filter({hasText: 'Read “QWCLog-10MB.txt”'})).toContainText(
    `${expected.lineCount.toLocaleString('en-US')} lines, ${expected.apps.length} applications`,
  );
  const runs = page.getByRole('region', {name: 'Runs'});
  expect(expected.apps.some((app) => app.runCount > app.runs.length)).toBe(true);
  for (const app of expected.apps) {
    await expect(runs.getByRole('heading', {name: app.app, exact: true})).toBeVisible();
    if (app.runCount > app.runs.length)
      await expect(runs).toContainText(`${app.runCount} runs; the last ${app.runs.length} are shown`);
  }
});

test('works from the keyboard: paste, read, land on the summary, follow the fix', async ({page}) => {
  await openTool(page);
  await pasteBox(page).focus();
  await page.keyboard.insertText(NVU);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', {name: 'Read the log'})).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', {name: 'Summary', exact: true})).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', {name: 'Summary'}).getByRole('link', {name: 'How to fix it'})).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/docs\/troubleshooting#msg-invalid-password$/);
});

test('bad input gets a clear message: empty, not a log, an image, a file over the cap', async ({page}) => {
  await openTool(page);
  await page.getByRole('button', {name: 'Read the log'}).click();
  await expect(page.getByRole('alert')).toContainText('The box is empty.');

  await paste(page, readLogFixture('synthetic-not-a-log.txt'));
  await expect(page.getByRole('heading', {name: 'the pasted text is not a Web Connector log'})).toBeVisible();
  await expect(page.getByRole('region', {name: 'the pasted text is not a Web Connector log'})).toContainText('View Logs');

  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await page.getByLabel('Choose a log file').setInputFiles({name: 'screenshot.png', mimeType: 'image/png', buffer: png});
  await expect(page.getByRole('alert')).toContainText('This file is a PNG image, not a text log.');

  // 51 MB made inside the page: refused on its size before it is read.
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'huge.txt', {type: 'text/plain'}));
    return transfer;
  });
  await page.getByRole('group', {name: 'Choose or drop a log file'}).dispatchEvent('drop', {dataTransfer});
  await expect(page.getByRole('alert')).toContainText('“huge.txt”: This file is 51 MB; the log reader takes files up to 50 MB.');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the log reader and its report pass axe in ${colorScheme} mode`, async ({browser}) => {
    // Three full axe runs.
    test.slow();
    const context = await browser.newContext({colorScheme});
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await openTool(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    expect(await axeViolations(page), 'before reading').toEqual([]);
    await paste(page, `${TWO_APPS}\n${MODAL}`);
    await expect(page.getByRole('region', {name: 'Summary'})).toBeVisible();
    await page.getByRole('button', {name: 'Copy a redacted log for support'}).click();
    await expect(page.getByRole('list', {name: 'What was masked'})).toBeVisible();
    expect(await axeViolations(page), 'with a report').toEqual([]);
    await paste(page, 'hello');
    await expect(page.getByRole('heading', {name: 'the pasted text is not a Web Connector log'})).toBeVisible();
    expect(await axeViolations(page), 'not a log').toEqual([]);
    await context.close();
  });
}
