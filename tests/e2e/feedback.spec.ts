import {existsSync, readFileSync} from 'node:fs';
import {test, expect, gotoHydrated, axeViolations} from './fixtures';
import {feedbackFile} from './playwright.config';

/** The votes the test server has appended for one page (other tests vote on other pages). */
function votesFor(path: string): {at: string; page: string; answer: string}[] {
  if (!existsSync(feedbackFile)) return [];
  return readFileSync(feedbackFile, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as {at: string; page: string; answer: string})
    .filter((vote) => vote.page === path);
}

test('"No" on a guide page is sent to the server, which appends one line for that page', async ({page}) => {
  const path = '/docs/reauthorize';
  const before = votesFor(path).length;
  await gotoHydrated(page, path);
  await page.getByRole('button', {name: 'No', exact: true}).click();
  const status = page.getByRole('status').filter({hasText: 'Sent'});
  await expect(status).toHaveText('Sent. Thanks for telling us: your answer was recorded for this page.');
  // The troubleshooting and support way out is offered after a "No".
  await expect(page.getByRole('link', {name: 'troubleshooting catalogue'})).toHaveAttribute('href', '/docs/troubleshooting');
  const votes = votesFor(path);
  expect(votes).toHaveLength(before + 1);
  const vote = votes[votes.length - 1]!;
  expect(vote.answer).toBe('no');
  expect(Object.keys(vote).sort()).toEqual(['answer', 'at', 'page']);
  expect(Number.isNaN(Date.parse(vote.at))).toBe(false);
});

test('where the site does not record votes, the widget says so and sends nothing', async ({page}) => {
  const posts: string[] = [];
  // A static host, or a server without FEEDBACK_FILE: GET /qbwc/feedback is not found.
  await page.route('**/qbwc/feedback', (route) => {
    if (route.request().method() === 'POST') posts.push(route.request().postData() ?? '');
    return route.fulfill({status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>'});
  });
  await gotoHydrated(page, '/docs/setup/prerequisites');
  await page.getByRole('button', {name: 'No', exact: true}).click();
  await expect(page.getByRole('status').filter({hasText: 'Thanks'})).toHaveText(
    'Thanks. This site does not collect these answers, so yours stays in this browser and was not sent to anyone.',
  );
  await expect(page.getByRole('link', {name: 'troubleshooting catalogue'})).toBeVisible();
  expect(posts).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  // The answer is remembered in this browser.
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true');
  await expect(page.getByRole('button', {name: 'No', exact: true})).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({hasText: 'before'})).toHaveText(
    'You answered No on this page before, in this browser.',
  );
});

test('when the server refuses the vote, the widget says it could not be sent and keeps the answer', async ({page}) => {
  await page.route('**/qbwc/feedback', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":"The answer could not be recorded right now."}',
        })
      : route.continue(),
  );
  await gotoHydrated(page, '/docs/setup/prerequisites');
  await page.getByRole('button', {name: 'Yes', exact: true}).click();
  await expect(page.getByRole('status').filter({hasText: 'could not be sent'})).toHaveText(
    'Your answer could not be sent (the answer could not be recorded right now). It is kept in this browser only; choose an answer again to retry.',
  );
  await expect(page.getByRole('button', {name: 'Yes', exact: true})).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.localStorage.getItem('qbwc-help:feedback:/docs/setup/prerequisites'))).toBe('yes');
});
