// End-to-end: the request explorer and alert rules in Chromium against the real platform.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { screenshot, signedInPage } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';

const STEP_TIMEOUT_MS = 60_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it returns true: the request log reaches the API one flush after the answer. */
async function eventually(what, attempt, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await attempt()) {
      return;
    }
    await pause(300);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('request explorer in a real browser', { timeout: 300_000 }, () => {
  let platform;
  let browser;
  let page;
  let session;
  let pageErrors;

  const api = (path) =>
    fetch(`${platform.baseUrl}/api/v1/users/${session.user.id}${path}`, {
      headers: { Authorization: `Bearer ${session.token}` },
    });

  before(async () => {
    // The platform's processes inherit the environment: flush the request log often so the test waits less.
    process.env.REQUEST_LOG_FLUSH_MS = '200';
    process.env.ALERT_EVALUATION_INTERVAL_MS = '500';
    platform = await startPlatform();
    ({ browser, page, pageErrors, session } = await signedInPage(platform, 'explorer'));
    // More than one page (50) of requests, so the list has a next page to load.
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => api('/videos')));
    }
    for (const path of ['/search?q=ocean', '/videos/999999', '/videos/999998']) {
      await api(path);
    }
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step('lists the requests made, newest first, with the 404s, and loads the next page', async () => {
    await page.goto(`${platform.baseUrl}/requests`);
    await page.getByRole('heading', { name: 'Requests', level: 1 }).waitFor();
    const notFound = page.getByTestId('request-row').filter({ hasText: '/videos/:videoId' });
    await eventually('the 404s in the list', async () => {
      if ((await notFound.count()) >= 2) {
        return true;
      }
      await page.getByRole('button', { name: 'Refresh' }).click();
      return false;
    });
    assert.match(await notFound.first().getByTestId('request-status').innerText(), /404/);
    assert.equal(await page.getByTestId('request-row').count(), 50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await eventually('the next page', async () => (await page.getByTestId('request-row').count()) > 50);
  });

  step('filters by status and opens a request with its timing split', async () => {
    await page.getByLabel('Status').fill('404');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually('only 404s listed', async () => {
      const statuses = await page.getByTestId('request-status').allInnerTexts();
      return statuses.length >= 2 && statuses.every((status) => status.trim() === '404');
    });

    const row = page.getByTestId('request-row').first();
    const requestId = await row.getAttribute('data-request-id');
    assert.ok(requestId, 'the row carries its request id');
    await row.click();
    const detail = page.getByTestId('request-detail');
    await detail.getByTestId('detail-request-id').filter({ hasText: requestId }).waitFor();
    assert.equal((await detail.getByTestId('detail-status').innerText()).trim(), '404');
    await detail.getByTestId('timing-bar').waitFor();
    assert.match(await detail.getByTestId('timing-gateway').innerText(), /\d+(\.\d+)? ms/);
    assert.match(await detail.getByTestId('timing-total').innerText(), /\d+(\.\d+)? ms/);
    await screenshot(page, 'explorer-detail');
    await detail.getByRole('button', { name: 'Close' }).click();
  });

  step('splits a search between the gateway and the search service', async () => {
    await page.getByLabel('Status').fill('');
    await page.getByLabel('Route').fill('/api/v1/users/:userId/search');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually('only searches listed', async () => {
      const routes = await page.getByTestId('request-route').allInnerTexts();
      return routes.length >= 1 && routes.every((route) => route.trim() === '/api/v1/users/:userId/search');
    });
    await page.getByTestId('request-row').first().click();
    const detail = page.getByTestId('request-detail');
    await detail.getByTestId('timing-bar').waitFor();
    assert.match(await detail.getByTestId('timing-search').innerText(), /^\d+(\.\d+)? ms$/);
    await detail.getByRole('button', { name: 'Close' }).click();
  });

  step('live tail prepends a request made while watching', async () => {
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.locator('.live[data-mode="socket"]').waitFor();
    await page.getByTestId('live-tail').getByRole('switch').click();
    // The subscription reaches the gateway a moment after the switch: retry until a tailed request shows.
    await eventually('a tailed request', async () => {
      const response = await api(`/videos/${900000 + Math.floor(Math.random() * 1000)}`);
      const requestId = response.headers.get('x-request-id');
      assert.equal(response.status, 404);
      try {
        await page.locator(`[data-testid="request-row"][data-request-id="${requestId}"]`).waitFor({ timeout: 3000 });
        return true;
      } catch {
        return false;
      }
    });
    await page.getByTestId('live-tail').getByRole('switch').click();
  });

  step('groups the errors by route and status', async () => {
    await page.getByRole('tab', { name: 'Errors' }).click();
    const group = page.getByTestId('error-group-row').filter({ hasText: '/videos/:videoId' });
    await group.first().waitFor();
    assert.equal((await group.first().getByTestId('error-group-status').innerText()).trim(), '404');
    assert.ok(Number(await group.first().getByTestId('error-group-count').innerText()) >= 3);
    await screenshot(page, 'explorer-errors');
  });

  step('creates an alert rule and lists it', async () => {
    await page.getByRole('tab', { name: 'Alerts' }).click();
    await page.getByText('No alert rules yet').waitFor();
    await page.getByLabel('Metric').selectOption('p95_latency_ms');
    await page.getByLabel('Threshold').fill('750');
    await page.getByLabel('Window (minutes)').fill('30');
    await page.getByRole('button', { name: 'Add rule' }).click();
    const rule = page.getByTestId('alert-rule-row').first();
    await rule.waitFor();
    assert.match(await rule.innerText(), /p95 latency ≥ 750 ms over 30 min/);
    await screenshot(page, 'explorer-alerts');

    await rule.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No alert rules yet').waitFor();
  });

  step('announces a firing rule live and lists its event', async () => {
    // The 404s above put the error rate of the dashboard's own calls well over 1 %.
    await page.getByLabel('Metric').selectOption('error_rate');
    await page.getByLabel('Threshold').fill('1');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page
      .locator('mat-snack-bar-container')
      .filter({ hasText: /Alert firing: error rate/ })
      .waitFor();
    await page.getByTestId('alert-event').filter({ hasText: 'firing' }).first().waitFor();
    await page.getByTestId('alert-state').filter({ hasText: 'firing' }).first().waitFor();
    await screenshot(page, 'explorer-alert-fired');
    assert.deepEqual(pageErrors, []);
  });
});
