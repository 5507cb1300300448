import {test, expect, gotoHydrated} from './fixtures';
import {buildRequest, soapActionFor} from '../../src/qbwc/soap';

const AREAS = [
  {path: '/docs/troubleshooting', active: 'Troubleshooting'},
  {path: '/docs/setup/prerequisites', active: 'Guides'},
  {path: '/docs/tools/password-check', active: 'Tools'},
];

for (const {path, active} of AREAS) {
  test(`on ${path} the navbar marks only "${active}" as the current area`, async ({page}) => {
    await page.setViewportSize({width: 1280, height: 800});
    await gotoHydrated(page, path);
    const navbar = page.getByRole('navigation', {name: 'Main'});
    for (const label of ['Guides', 'Troubleshooting', 'Tools', 'Reference', 'Updates']) {
      const link = navbar.getByRole('link', {name: label, exact: true});
      // Docusaurus marks the current area with this class only; it is what a reader sees as underlined/coloured.
      if (label === active) await expect(link).toHaveClass(/navbar__link--active/);
      else await expect(link, `${label} on ${path}`).not.toHaveClass(/navbar__link--active/);
    }
  });
}

for (const path of ['/docs/tools/password-check', '/docs/tools/connection-check', '/connect']) {
  test(`${path} reaches network idle: the test endpoint probe finishes its requests`, async ({page}) => {
    await page.goto(path, {waitUntil: 'networkidle', timeout: 30_000});
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
    await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  });
}

test('the endpoint support page carries the site’s name, a readable time, a way back and an icon', async ({page}) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  // One session first, so the page has a time to show.
  const issued = (await (await page.request.post('/qbwc/connections')).json()) as {userName: string; password: string};
  await page.request.post('/qbwc', {
    headers: {'content-type': 'text/xml; charset=utf-8', soapaction: soapActionFor('authenticate')},
    data: buildRequest('authenticate', {strUserName: issued.userName, strPassword: issued.password}),
  });
  await page.goto(`/qbwc/support?user=${encodeURIComponent(issued.userName)}`);
  await expect(page.getByRole('banner').getByRole('link', {name: /Web Connector help/})).toHaveAttribute('href', '/');
  await expect(page.getByText(/started on \w+day, \d{1,2} \w+ \d{4} at \d{2}:\d{2}:\d{2} UTC/)).toBeVisible();
  await expect(page.getByText(/\d{4}-\d{2}-\d{2}T\d{2}:/)).toHaveCount(0);
  await page.getByRole('link', {name: 'Back to the help center'}).click();
  await expect(page).toHaveURL(/\/$/);
  expect(missing).toEqual([]);
});
