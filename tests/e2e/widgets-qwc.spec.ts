import {mkdirSync, readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';
import {parseQwc} from '../../src/qbwc/qwc';

const TOOL = '/docs/tools/qwc-generator';
const FIXTURES = join(__dirname, '../fixtures/qwc');
const SHOTS = '/tmp/shots-widgets1';
const fixtureNames = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.qwc'))
  .sort();

async function openTool(page: Page): Promise<void> {
  await gotoHydrated(page, TOOL);
  await expect(page.getByRole('heading', {name: 'Make a .qwc file', exact: true})).toBeVisible();
}

function inspector(page: Page) {
  return page.getByRole('region', {name: 'Inspect an existing .qwc file', exact: true});
}

function advancedToggle(page: Page) {
  return page.getByRole('form', {name: '.qwc file settings'}).getByText('Advanced', {exact: true});
}

async function fillValidForm(page: Page): Promise<void> {
  await page.getByLabel('App name').fill('Acme & Sons Sync');
  await page.getByLabel('App URL').fill('https://sync.acme-example.com/qbwc');
  await page.getByLabel('Support URL').fill('https://sync.acme-example.com/support');
  await page.getByLabel('User name').fill('acme-books');
  await page.getByLabel('Description').fill('Sends Acme invoices to QuickBooks');
}

test('an http App URL shows the QBWC1010 error beside the field, and fixing it removes it', async ({page, consoleErrors}) => {
  await openTool(page);
  const appUrl = page.getByLabel('App URL');
  await appUrl.fill('http://example.com/qbwc');
  await expect(appUrl).toHaveAttribute('aria-invalid', 'true');
  await expect(appUrl).toHaveAccessibleDescription(/uses http.*QBWC1010/);
  const explain = page.getByRole('link', {name: 'What QBWC1010 means'});
  await expect(explain).toHaveAttribute('href', '/docs/troubleshooting#qbwc1010');
  await expect(page.getByRole('button', {name: /^Download/})).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText(/can’t be downloaded or copied until/)).toBeVisible();

  await appUrl.fill('https://example.com/qbwc');
  await expect(appUrl).toHaveAttribute('aria-invalid', 'false');
  await expect(appUrl).not.toHaveAccessibleDescription(/QBWC1010/);
  await expect(explain).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the checks summary counts errors and warnings in a polite live region', async ({page}) => {
  await openTool(page);
  await page.getByLabel('App URL').fill('http://example.com/qbwc');
  await page.getByLabel('Support URL').fill('https://other-example.net/support');
  await page.getByLabel('Description').fill('');
  const summary = page.getByRole('status').filter({hasText: /\d+ errors?/});
  await expect(summary).toHaveText('2 errors, 1 warning');
  await page.getByRole('button', {name: 'Error in Support URL'}).click();
  await expect(page.getByLabel('Support URL')).toBeFocused();
});

test('the downloaded file parses cleanly with the values typed', async ({page}) => {
  await openTool(page);
  await fillValidForm(page);
  await advancedToggle(page).click();
  await page.getByLabel('SOAP style').selectOption('Document');
  await page.getByLabel('Interval').fill('30');
  const ownerId = await page.getByLabel('Owner ID').inputValue();
  const download = page.waitForEvent('download');
  await page.getByRole('button', {name: 'Download Acme & Sons Sync.qwc'}).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Acme & Sons Sync.qwc');
  const xml = readFileSync(await file.path(), 'utf8');
  expect(xml).toContain('Acme &amp; Sons Sync');
  const {model, issues} = parseQwc(xml);
  expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  expect(model).toMatchObject({
    appName: 'Acme & Sons Sync',
    appUrl: 'https://sync.acme-example.com/qbwc',
    appSupport: 'https://sync.acme-example.com/support',
    userName: 'acme-books',
    appDescription: 'Sends Acme invoices to QuickBooks',
    ownerId,
    qbType: 'QBFS',
    style: 'Document',
    scheduler: {unit: 'minutes', every: 30},
  });
  await expect(page.getByRole('status').filter({hasText: 'Downloaded'})).toHaveText('Downloaded Acme & Sons Sync.qwc.');
});

test('a new GUID button replaces that GUID only', async ({page}) => {
  await openTool(page);
  await advancedToggle(page).click();
  const owner = page.getByLabel('Owner ID');
  const file = page.getByLabel('File ID');
  const [ownerBefore, fileBefore] = [await owner.inputValue(), await file.inputValue()];
  await page.getByRole('button', {name: 'Generate a new OwnerID'}).click();
  await expect(owner).not.toHaveValue(ownerBefore);
  await expect(owner).toHaveValue(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  await expect(file).toHaveValue(fileBefore);
});

test('a one-click fix corrects a GUID without braces', async ({page}) => {
  await openTool(page);
  await advancedToggle(page).click();
  const owner = page.getByLabel('Owner ID');
  await owner.fill('57F3B9B1-86F1-4FCC-B1EE-566DE1813D20');
  await expect(owner).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', {name: 'Set Owner ID to "{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}"'}).click();
  await expect(owner).toHaveValue('{57F3B9B1-86F1-4FCC-B1EE-566DE1813D20}');
  await expect(owner).toHaveAttribute('aria-invalid', 'false');
});

test('copy to clipboard and the shareable link reopen the generator with the same values', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTool(page);
  await fillValidForm(page);
  await page.getByLabel('Unit').selectOption('seconds');
  await page.getByLabel('Interval').fill('90');
  const ownerId = await page.getByLabel('Owner ID').inputValue();
  const fileId = await page.getByLabel('File ID').inputValue();

  await page.getByRole('button', {name: 'Copy to clipboard'}).click();
  await expect(page.getByRole('status').filter({hasText: 'Copied the file'})).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(parseQwc(copied).model?.appName).toBe('Acme & Sons Sync');

  await page.getByRole('button', {name: 'Copy shareable link'}).click();
  await expect(page.getByRole('status').filter({hasText: 'Copied a link'})).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).pathname).toBe(TOOL);

  const reopened = await context.newPage();
  await gotoHydrated(reopened, new URL(link).pathname + new URL(link).search);
  await expect(reopened.getByRole('status').filter({hasText: 'shared link'})).toBeVisible();
  await expect(reopened.getByLabel('App name')).toHaveValue('Acme & Sons Sync');
  await expect(reopened.getByLabel('App URL')).toHaveValue('https://sync.acme-example.com/qbwc');
  await expect(reopened.getByLabel('Support URL')).toHaveValue('https://sync.acme-example.com/support');
  await expect(reopened.getByLabel('User name')).toHaveValue('acme-books');
  await expect(reopened.getByLabel('Owner ID')).toHaveValue(ownerId);
  await expect(reopened.getByLabel('File ID')).toHaveValue(fileId);
  await expect(reopened.getByLabel('Unit')).toHaveValue('seconds');
  await expect(reopened.getByLabel('Interval')).toHaveValue('90');
});

/**
 * What the inspector must say about each fixture, written by hand from tests/fixtures/qwc/README.md
 * (never computed by the parser under test): the summary, a phrase from each problem, the codes it
 * links, and the App name the form then holds (null when nothing can be loaded).
 */
const FIXTURE_EXPECTATIONS: Record<string, {summary: string; phrases: string[]; codes: string[]; appName: string | null}> = {
  'appsupport-other-domain.qwc': {
    summary: '1 error',
    phrases: ['same domain (QBWC1000)'],
    codes: ['QBWC1000'],
    appName: 'Ledger Sync',
  },
  'element-wrong-case.qwc': {summary: '1 error', phrases: ['must be written <AppName>'], codes: [], appName: 'Ledger Sync'},
  'empty.qwc': {summary: '1 error', phrases: ['The file is empty.'], codes: [], appName: null},
  'guid-without-braces.qwc': {
    summary: '1 error',
    phrases: ['must be a GUID written in braces'],
    codes: [],
    appName: 'Ledger Sync',
  },
  'html-error-page.qwc': {summary: '1 error', phrases: ['This is a web page, not a .qwc file'], codes: [], appName: null},
  'http-remote-host.qwc': {summary: '1 error', phrases: ['uses http', 'QBWC1051'], codes: ['QBWC1010'], appName: 'Ledger Sync'},
  'ip-address-host.qwc': {
    summary: '2 errors',
    phrases: ['AppURL uses the IP address', 'AppSupport uses the IP address'],
    codes: ['QBWC1001', 'QBWC1002'],
    appName: 'Ledger Sync',
  },
  'isreadonly-yes.qwc': {summary: '1 error', phrases: ['must be literally true or false'], codes: [], appName: 'Ledger Sync'},
  'missing-username.qwc': {
    summary: '1 error',
    phrases: ['UserName is missing: the file has no <UserName> element.'],
    codes: ['QBWC1039'],
    appName: 'Ledger Sync',
  },
  'not-xml.qwc': {summary: '1 error', phrases: ['This is not an XML file'], codes: [], appName: null},
  'ownerid-equals-fileid.qwc': {
    summary: '1 warning',
    phrases: ['Unique OwnerID/FileID pair'],
    codes: ['QBWC1039'],
    appName: 'Ledger Sync',
  },
  'personaldataprep-typo.qwc': {
    summary: '1 warning',
    phrases: ['Did you mean PersonalDataPref?'],
    codes: [],
    appName: 'Ledger Sync',
  },
  'qbtype-lowercase.qwc': {summary: '1 error', phrases: ['must be written exactly QBFS'], codes: [], appName: 'Ledger Sync'},
  'runeverynminute-typo.qwc': {
    summary: '2 warnings',
    phrases: ['Did you mean RunEveryNMinutes?', 'so it sets no interval'],
    codes: [],
    appName: 'Ledger Sync',
  },
  'scheduler-both-children.qwc': {
    summary: '1 warning',
    phrases: ['The Web Connector uses the first one'],
    codes: [],
    appName: 'Ledger Sync',
  },
  'scheduler-non-integer.qwc': {
    summary: '1 error',
    phrases: ['a whole number of minutes, at least 1'],
    codes: [],
    appName: 'Ledger Sync',
  },
  'unescaped-ampersand.qwc': {summary: '1 error', phrases: ['not well-formed XML', '&amp;'], codes: [], appName: null},
  'valid-full.qwc': {summary: 'No problems found', phrases: [], codes: [], appName: 'Ledger Sync'},
  'valid-minimal.qwc': {summary: 'No problems found', phrases: [], codes: [], appName: 'Ledger Sync'},
  'wrong-root.qwc': {summary: '1 error', phrases: ['The root element is <WebConnector>'], codes: [], appName: null},
};

test('every fixture has a hand-written expectation', () => {
  expect(Object.keys(FIXTURE_EXPECTATIONS).sort()).toEqual(fixtureNames);
});

for (const name of fixtureNames) {
  test(`the inspector lists every problem of ${name}, chosen and pasted`, async ({page, consoleErrors}) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const expected = FIXTURE_EXPECTATIONS[name];
    if (!expected) throw new Error(`No expectation for ${name}`);
    await openTool(page);
    const region = inspector(page);

    await region.getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, name));
    await expect(region.getByRole('heading', {name: `Problems in “${name}”`})).toBeFocused();
    await expect(region.getByRole('status')).toContainText(expected.summary);
    for (const phrase of expected.phrases) await expect(region).toContainText(phrase);
    if (expected.appName !== null) await expect(page.getByLabel('App name')).toHaveValue(expected.appName);
    for (const code of expected.codes) await expect(region.getByRole('link', {name: `What ${code} means`}).first()).toBeVisible();

    await region.getByLabel(/paste the file/).fill(text);
    await region.getByRole('button', {name: 'Inspect'}).click();
    await expect(region.getByRole('heading', {name: 'Problems in the pasted text'})).toBeVisible();
    await expect(region.getByRole('status')).toContainText(expected.summary);
    for (const phrase of expected.phrases) await expect(region).toContainText(phrase);
    expect(consoleErrors).toEqual([]);
  });
}

test('specific fixtures: line numbers, misspelt elements and their suggestions are named', async ({page}) => {
  await openTool(page);
  const region = inspector(page);
  await region.getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, 'unescaped-ampersand.qwc'));
  await expect(region).toContainText(/line 3, column \d+/);
  await expect(region).toContainText('&amp;');
  await region.getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, 'personaldataprep-typo.qwc'));
  await expect(region).toContainText('Did you mean PersonalDataPref?');
  await region.getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, 'http-remote-host.qwc'));
  await region.getByRole('button', {name: 'Go to App URL'}).first().click();
  await expect(page.getByLabel('App URL')).toBeFocused();
});

test('a missing element is called missing, whether absent or empty, and values are quoted as written', async ({page}) => {
  await openTool(page);
  const region = inspector(page);
  const file = readFileSync(join(FIXTURES, 'valid-minimal.qwc'), 'utf8')
    .replace(/<AppID>.*<\/AppID>|<AppID\s*\/>/, '')
    .replace(/<OwnerID>.*<\/OwnerID>/, '')
    .replace(/<FileID>.*<\/FileID>/, '<FileID></FileID>')
    .replace(/<AppURL>.*<\/AppURL>/, '<AppURL>http://example.com</AppURL>')
    .replace(/<AppSupport>.*<\/AppSupport>/, '<AppSupport>http://example.com/help</AppSupport>');
  await region.getByLabel(/paste the file/).fill(file);
  await region.getByRole('button', {name: 'Inspect'}).click();
  await expect(region).toContainText('AppID is missing: the file has no <AppID> element.');
  await expect(region).toContainText('OwnerID is missing: the file has no <OwnerID> element.');
  await expect(region).toContainText('FileID is missing: <FileID> is empty.');
  await expect(region).not.toContainText('required and is empty');
  await expect(region).toContainText('AppURL "http://example.com" uses http');
  await expect(region).not.toContainText('"http://example.com/"');
});

test('the inspection summary is said once', async ({page}) => {
  await openTool(page);
  const region = inspector(page);
  await region.getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, 'ip-address-host.qwc'));
  await expect(region.getByRole('status')).toHaveText(
    '2 errors. The form below now holds the values from “ip-address-host.qwc”.',
  );
  await expect(region.getByText(/2 errors/)).toHaveCount(1);
  await expect(region.getByText(/now holds the values/)).toHaveCount(1);
});

test('a file that cannot be loaded says what the form still holds', async ({page}) => {
  await openTool(page);
  const region = inspector(page);
  await region.getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, 'http-remote-host.qwc'));
  await expect(page.getByLabel('App URL')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('User name').fill('changed-by-hand');

  await region.getByLabel(/paste the file/).fill('<WebConnector><AppName>Other</AppName></WebConnector>');
  await region.getByRole('button', {name: 'Inspect'}).click();
  await expect(region.getByRole('status')).toHaveText(
    '1 error. Nothing from the pasted text was loaded: the form below still holds the values from “http-remote-host.qwc”, with your changes.',
  );
  // The form's own error is still there, and now the page says whose it is.
  await expect(page.getByLabel('App URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('User name')).toHaveValue('changed-by-hand');

  await page.reload();
  await expect(page.getByRole('heading', {name: 'Make a .qwc file', exact: true})).toBeVisible();
  await expect(page.getByRole('status').filter({hasText: 'before the page was reloaded'})).toBeVisible();
  await expect(page.getByLabel('User name')).toHaveValue('changed-by-hand');
});

test('the "Copied a link" status goes away once the form is edited', async ({page, context}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTool(page);
  await fillValidForm(page);
  await page.getByRole('button', {name: 'Copy shareable link'}).click();
  const copied = page.getByRole('status').filter({hasText: 'Copied a link'});
  await expect(copied).toBeVisible();
  await page.getByLabel('App name').fill('Another name');
  await expect(copied).toHaveCount(0);
});

test('the preview says when lines are wider than the box and can wrap them', async ({page}) => {
  await openTool(page);
  const longText = 'Sends every invoice, payment and customer from the shop to QuickBooks, every night, without fail';
  await page.getByLabel('Description').fill(longText);
  const preview = page.getByRole('region', {name: /^Preview of/});
  await expect(page.getByText('Some lines are wider than the box')).toBeVisible();
  expect(await preview.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);

  await page.getByLabel('Wrap long lines').check();
  await expect(page.getByText('Some lines are wider than the box')).toHaveCount(0);
  expect(await preview.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  await expect(preview).toContainText(longText);
});

test('binary, huge and non-XML files are explained in words', async ({page, consoleErrors}) => {
  await openTool(page);
  const region = inspector(page);
  const chooser = region.getByLabel('Choose a .qwc file');

  await chooser.setInputFiles({
    name: 'photo.qwc',
    mimeType: 'image/png',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00]),
  });
  await expect(region).toContainText('This is not a text file');

  await chooser.setInputFiles({name: 'backup.qwc', mimeType: 'text/xml', buffer: Buffer.alloc(1024 * 1024 + 10, 0x20)});
  await expect(region).toContainText('far too large for a .qwc file');

  await chooser.setInputFiles(join(FIXTURES, 'not-xml.qwc'));
  await expect(region).toContainText('This is not an XML file');
  await expect(region.getByRole('status')).toHaveText(
    '1 error. Nothing from “not-xml.qwc” was loaded: the form below still holds the default values.',
  );

  await region.getByLabel(/paste the file/).fill('');
  await region.getByRole('button', {name: 'Inspect'}).click();
  await expect(region).toContainText('The file is empty');
  await expect(page.getByRole('heading', {name: 'Make a .qwc file', exact: true})).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('keyboard only: an invalid form sends focus to the error, a valid one downloads on Enter', async ({page}) => {
  await openTool(page);
  const appUrl = page.getByLabel('App URL');
  await appUrl.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('http://example.com/qbwc');
  await page.getByLabel('Support URL').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('https://example.com/support');

  async function tabToDownload(): Promise<void> {
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (name.startsWith('Download')) return;
    }
    throw new Error('Download was not reached with Tab');
  }

  await page.getByLabel('Description').focus();
  await tabToDownload();
  await page.keyboard.press('Enter');
  await expect(appUrl).toBeFocused();
  await expect(page.getByRole('status').filter({hasText: 'Cannot download'})).toContainText('focus moved to the first one');

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('https://example.com/qbwc');
  await tabToDownload();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const xml = readFileSync(await (await download).path(), 'utf8');
  expect(parseQwc(xml).model?.appUrl).toBe('https://example.com/qbwc');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations with a file loaded, ${colorScheme} mode`, async ({browser}) => {
    const context = await browser.newContext({colorScheme});
    const page = await context.newPage();
    await openTool(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await inspector(page).getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, 'http-remote-host.qwc'));
    await expect(inspector(page)).toContainText('QBWC1010');
    const details = advancedToggle(page);
    if (!(await page.getByLabel('Owner ID').isVisible())) await details.click();
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(SHOTS, {recursive: true});
    await page.screenshot({path: `${SHOTS}/qwc-${colorScheme}.png`, fullPage: true});
    await inspector(page).screenshot({path: `${SHOTS}/qwc-inspector-${colorScheme}.png`});
    await page
      .getByRole('region', {name: 'Make a .qwc file', exact: true})
      .screenshot({path: `${SHOTS}/qwc-generator-${colorScheme}.png`});
    await context.close();
  });
}

test('fits a 375 px wide phone screen', async ({browser}) => {
  const context = await browser.newContext({viewport: {width: 375, height: 800}, isMobile: true, hasTouch: true});
  const page = await context.newPage();
  await openTool(page);
  await inspector(page).getByLabel('Choose a .qwc file').setInputFiles(join(FIXTURES, 'appsupport-other-domain.qwc'));
  await advancedToggle(page).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  mkdirSync(SHOTS, {recursive: true});
  await page.screenshot({path: `${SHOTS}/qwc-mobile.png`, fullPage: true});
  await context.close();
});

// Drawing the whole tool at once was one long task on a phone: it is drawn in steps, each in a task
// of its own: the inspector, then the form, then the advanced fields (closed at first), then the
// highlighted preview.
test('the inspector is drawn first, then the form, then its advanced fields, then the highlighted preview', async ({page}) => {
  await page.addInitScript(() => {
    const drawnWith: Record<string, string[]> = {};
    (window as unknown as {drawnWith: typeof drawnWith}).drawnWith = drawnWith;
    const parts: Record<string, () => boolean> = {
      inspector: () =>
        Array.from(document.querySelectorAll('section > h2, section > h3')).some(
          (heading) => heading.textContent === 'Inspect an existing .qwc file',
        ),
      form: () => document.querySelector('form[aria-label=".qwc file settings"]') !== null,
      advanced: () => document.querySelector('form details :is(input, select)') !== null,
      preview: () => document.querySelector('pre[role="region"]') !== null,
    };
    new MutationObserver((_records, observer) => {
      for (const [name, isDrawn] of Object.entries(parts)) {
        if (drawnWith[name] || !isDrawn()) continue;
        drawnWith[name] = Object.entries(parts)
          .filter(([other, otherIsDrawn]) => other !== name && otherIsDrawn())
          .map(([other]) => other);
      }
      if (Object.keys(drawnWith).length === Object.keys(parts).length) observer.disconnect();
    }).observe(document, {childList: true, subtree: true});
  });
  await openTool(page);
  await expect(page.getByRole('region', {name: /^Preview of/})).toContainText('<AppName>');
  const drawnWith = await page.evaluate(() => (window as unknown as {drawnWith: Record<string, string[]>}).drawnWith);
  expect(drawnWith).toEqual({
    inspector: [],
    form: ['inspector'],
    advanced: ['inspector', 'form'],
    preview: ['inspector', 'form', 'advanced'],
  });
});

// On a phone the preview sits about four screens down: the browser skips its style, layout and
// paint until the reader nears it (content-visibility, src/components/CodePreview), and it is
// whole, with its note on wide lines, once reached.
test('on a phone, the preview is laid out only as the reader nears it', async ({page}) => {
  await page.setViewportSize({width: 412, height: 823});
  await openTool(page);
  const preview = page.getByRole('region', {name: /^Preview of/});
  await expect(preview).toContainText('<AppName>');
  const rendered = () => preview.evaluate((element) => element.checkVisibility({contentVisibilityAuto: true}));
  expect(await rendered(), 'skipped while far below the screen').toBe(false);
  await preview.scrollIntoViewIfNeeded();
  await expect.poll(rendered, {message: 'laid out once reached'}).toBe(true);
  await expect(page.getByText('Some lines are wider than the box')).toBeVisible();
});
