// End-to-end: the whole product in Chromium against the real gateway + search service.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, TABLET } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';
import { waitUntil } from '../support/wait.mjs';

const PASSWORD = 'correct-horse-battery';
const VIDEOS = [
  {
    title: 'Cooking pasta at home',
    description: 'A quick weeknight pasta recipe with garlic, olive oil and chilli.',
    duration: '420',
    tags: 'cooking, pasta',
  },
  {
    title: 'Mountain bike trail guide',
    description: 'Riding technical descents safely, with tips on braking and line choice.',
    duration: '900',
    tags: 'outdoors, bike',
  },
  {
    title: 'Baking sourdough bread',
    description: 'Cooking with wild yeast: feeding a starter, shaping and baking the loaf.',
    duration: '1260',
    tags: 'cooking, baking',
  },
];

// Each step is bounded on its own, so a frozen page fails one step quickly instead of the whole run.
const STEP_TIMEOUT_MS = 60_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);

describe('video search platform in a real browser', { timeout: 300_000 }, () => {
  let platform;
  let browser;
  let page;
  let baseUrl;
  let userId;
  let apiKey;
  const email = `e2e-${Date.now()}@example.com`;
  const pageErrors = [];

  const api = (path, { token = apiKey, method = 'GET', body, headers = {} } = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  const cardNumber = async (testId) =>
    Number(((await page.locator(`[data-testid="${testId}"] strong`).textContent()) ?? '').replace(/[^\d.]/g, ''));

  before(async () => {
    platform = await startPlatform();
    baseUrl = platform.baseUrl;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step('registers, showing the API validation message first', async () => {
    await page.goto(`${baseUrl}/register`);
    await page.locator('input[name="name"]').fill('E2E Developer');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('short');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'password must be at least 8 characters' }).waitFor();
    await screenshot(page, '01-register');

    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL('**/videos');
    userId = await page.evaluate(() => JSON.parse(sessionStorage.getItem('vsp.session')).user.id);
    assert.equal(typeof userId, 'number');
    await page.locator('[data-testid="current-user"]').filter({ hasText: 'E2E Developer' }).waitFor();
  });

  step('creates videos, and shows the API message for an invalid one', async () => {
    await page.getByText('Your library is empty').waitFor();
    for (const video of VIDEOS) {
      await page.locator('[data-testid="new-video"]').click();
      const dialog = page.locator('mat-dialog-container');
      await dialog.locator('input[name="title"]').fill(video.title);
      await dialog.locator('textarea[name="description"]').fill(video.description);
      await dialog.locator('input[name="duration"]').fill(video.duration);
      await dialog.locator('input[name="tags"]').fill(video.tags);
      await dialog.getByRole('button', { name: 'Create video' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await waitUntil('three video rows', async () => (await page.locator('[data-testid="video-row"]').count()) === 3);
    // Every field must hold exactly what was typed into it: text typed while focus moves lands in the wrong field.
    const { token } = await page.evaluate(() => JSON.parse(sessionStorage.getItem('vsp.session')));
    const stored = await api(`/api/v1/users/${userId}/videos?sort=title&order=asc`, { token });
    assert.equal(stored.status, 200);
    assert.deepEqual(
      (await stored.json()).videos.map(({ title, description, duration, tags }) => ({
        title,
        description,
        duration,
        tags,
      })),
      VIDEOS.map(({ title, description, duration, tags }) => ({
        title,
        description,
        duration: Number(duration),
        tags: tags.split(', '),
      })).sort((a, b) => a.title.localeCompare(b.title)),
    );

    const bikeRow = page.locator('[data-testid="video-row"]').filter({ hasText: 'Mountain bike trail guide' });
    await bikeRow.getByRole('button', { name: 'Edit' }).click();
    const editDialog = page.locator('mat-dialog-container');
    await editDialog.locator('input[name="title"]').fill('Mountain bike trail guide for beginners');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await editDialog.waitFor({ state: 'detached' });
    await page.locator('[data-testid="video-row"]').filter({ hasText: 'for beginners' }).waitFor();

    await page.locator('[data-testid="new-video"]').click();
    const tempDialog = page.locator('mat-dialog-container');
    await tempDialog.locator('input[name="title"]').fill('Temporary clip');
    await tempDialog.getByRole('button', { name: 'Create video' }).click();
    await tempDialog.waitFor({ state: 'detached' });
    const tempRow = page.locator('[data-testid="video-row"]').filter({ hasText: 'Temporary clip' });
    await tempRow.getByRole('button', { name: 'Delete' }).click();
    await page.locator('mat-dialog-container').getByRole('button', { name: 'Delete' }).click();
    await tempRow.waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-testid="video-row"]').count(), 3);

    await page.locator('[data-testid="new-video"]').click();
    const dialog = page.locator('mat-dialog-container');
    await dialog.locator('input[name="title"]').fill('x'.repeat(201));
    await dialog.getByRole('button', { name: 'Create video' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'title must be at most 200 characters' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await screenshot(page, '02-videos');
  });

  step('searches and shows ranked results with highlighted snippets', async () => {
    const query = page.locator('[data-testid="search-query"]');
    await query.fill('cooking');
    // The index follows the library through the outbox relay, so the first searches may run before it caught up.
    await waitUntil(
      'search results for "cooking"',
      async () => {
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.locator('[data-testid="search-summary"], .notice.error').first().waitFor();
        return (await page.locator('[data-testid="search-results"] li').count()) >= 2;
      },
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    const marks = await page.locator('[data-testid="search-results"] .snippet mark').allTextContents();
    assert.ok(marks.length > 0, 'snippets contain <mark> highlights');
    assert.ok(
      marks.every((text) => /cook/i.test(text)),
      `highlights match the query: ${marks.join(', ')}`,
    );
    const titles = await page.locator('[data-testid="search-results"] .result-title').allTextContents();
    assert.ok(!titles.some((title) => title.startsWith('Mountain bike')));
    await screenshot(page, '03-search-results');
  });

  step("shows a background job's status live until its results arrive", async () => {
    await page.evaluate(() => {
      window.__liveStatuses = [];
      new MutationObserver(() => {
        const live = document.querySelector('[data-testid="search-live-status"] [data-status]');
        const status = live?.getAttribute('data-status');
        if (status && window.__liveStatuses.at(-1) !== status) {
          window.__liveStatuses.push(status);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // Clear the previous answer so the wait below cannot match its summary.
    await page.locator('[data-testid="search-summary"]').getByRole('button', { name: 'Clear' }).click();
    await page.locator('[data-testid="search-summary"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="search-background"] input').check();
    await page.locator('[data-testid="search-query"]').fill('sourdough');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('[data-testid="search-summary"] [data-status="completed"]').waitFor();
    const seen = await page.evaluate(() => window.__liveStatuses);
    assert.ok(seen.length > 0 && ['queued', 'processing'].includes(seen[0]), `live statuses seen: ${seen}`);
    const titles = page.locator('[data-testid="search-results"] .result-title');
    await waitUntil('the background job to list exactly the sourdough video', async () => {
      const shown = await titles.allTextContents();
      return shown.length === 1 && shown[0] === 'Baking sourdough bread';
    });
    await page.locator('[data-testid="search-background"] input').uncheck();
  });

  step('creates an API key shown once, a scoped one, and revokes that after confirmation', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.waitForURL('**/api-keys');
    await page.getByText('No API keys yet').waitFor();

    await page.locator('input[name="key-name"]').fill('e2e key');
    await page.getByRole('button', { name: 'Create key' }).click();
    apiKey = (await page.locator('[data-testid="created-key-value"]').textContent()).trim();
    assert.match(apiKey, /^imaginario_live_/);
    await page.getByText('It is shown only once').waitFor();
    await screenshot(page, '04-api-key-created');
    await page.getByRole('button', { name: /hide the key/ }).click();

    await page.locator('input[name="key-name"]').fill('spare key');
    for (const permission of ['videos:write', 'analytics:read', 'keys:manage']) {
      await page.locator(`[data-permission="${permission}"] input[type="checkbox"]`).uncheck();
    }
    await page.getByRole('button', { name: 'Create key' }).click();
    const spareKey = (await page.locator('[data-testid="created-key-value"]').textContent()).trim();
    assert.equal((await api('/api/v1/auth/me', { token: spareKey })).status, 200);
    const write = await api(`/api/v1/users/${userId}/videos`, {
      token: spareKey,
      method: 'POST',
      body: { title: 'x' },
    });
    assert.equal(write.status, 403);
    assert.deepEqual(await write.json(), { error: "This API key lacks the 'videos:write' permission" });

    const spareRow = page.locator('[data-testid="key-row"]').filter({ hasText: 'spare key' });
    // The list reloads after the creation; its row's chips may render a moment after the row.
    await waitUntil(
      'the spare key row to show its permissions',
      async () => (await spareRow.locator('.chip').count()) > 0,
    );
    assert.deepEqual(await spareRow.locator('.chip').allTextContents(), ['search', 'videos:read']);
    await spareRow.getByRole('button', { name: 'Revoke' }).click();
    await page.locator('mat-dialog-container').getByRole('button', { name: 'Revoke key' }).click();
    await waitUntil('the revoked key to leave the list of live keys', async () => (await spareRow.count()) === 0);
    assert.equal((await api('/api/v1/auth/me', { token: spareKey })).status, 401);
    assert.equal((await api('/api/v1/auth/me')).status, 200);

    await page.locator('[data-testid="show-revoked"] button').click();
    await spareRow.locator('[data-testid="key-status"][data-status="revoked"]').waitFor();
    await page.locator('[data-testid="show-revoked"] button').click();
    await waitUntil('the revoked key to be hidden again', async () => (await spareRow.count()) === 0);
  });

  step("updates the dashboard's numbers and charts after calls made with the key", async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL('**/dashboard');
    await page.locator('[data-testid="card-today"]').waitFor();
    await page.locator('[data-testid="endpoints-chart"] text.textDataLabel').first().waitFor();
    const before = await cardNumber('card-today');
    const endpointTotal = async () =>
      (await page.locator('[data-testid="endpoints-chart"] text.textDataLabel').allTextContents())
        .map((label) => Number(label.replace(/[^\d.]/g, '')))
        .reduce((sum, value) => sum + value, 0);
    const endpointsBefore = await endpointTotal();

    for (let i = 0; i < 5; i++) {
      assert.equal((await api(`/api/v1/users/${userId}/videos`)).status, 200);
    }
    assert.equal((await api(`/api/v1/users/${userId}/videos/999999`)).status, 404);
    assert.equal(
      (await api(`/api/v1/users/${userId}/search`, { method: 'POST', body: { query: 'bike' } })).status,
      200,
    );

    await waitUntil(
      'requests today to include the API key calls',
      async () => {
        await page.locator('[data-testid="dashboard-refresh"]').click();
        await page.waitForTimeout(700);
        return (await cardNumber('card-today')) >= before + 7;
      },
      { timeoutMs: 30_000, intervalMs: 1000 },
    );
    // The busiest endpoint is the video list, called five times above, so the bar totals must grow.
    await waitUntil('the endpoint bars to grow', async () => (await endpointTotal()) >= endpointsBefore + 5);
    await page.locator('[data-testid="requests-chart"] path.line').first().waitFor();
    assert.ok((await page.locator('[data-testid="endpoints-chart"] path.bar').count()) >= 2);
    assert.ok((await page.locator('[data-testid="latency-chart"] path.bar').count()) >= 1);
    await page.locator('[data-testid="quota-panel"] figure').first().waitFor();
    await screenshot(page, '05-dashboard');
  });

  step("shows a search job's status arriving live over Socket.IO", async () => {
    await page.locator('[data-testid="jobs-live-mode"][data-mode="socket"]').waitFor();
    const response = await api(`/api/v1/users/${userId}/search`, {
      method: 'POST',
      body: { query: 'pasta garlic' },
      headers: { Prefer: 'wait=0' },
    });
    assert.ok([200, 202].includes(response.status), `search answered ${response.status}`);
    const { job_id: jobId } = await response.json();
    await page.locator(`[data-job-id="${jobId}"] [data-status="completed"]`).waitFor();
    await page.locator('mat-snack-bar-container').filter({ hasText: 'completed' }).first().waitFor();

    await page.locator(`[data-job-id="${jobId}"]`).getByRole('button', { name: 'Details' }).click();
    const details = page.locator('mat-dialog-container');
    await details.locator('[data-testid="job-details"]').filter({ hasText: 'pasta garlic' }).waitFor();
    await details
      .locator('.results strong')
      .filter({ hasText: /^Cooking pasta at home$/ })
      .waitFor();
    assert.ok((await details.locator('.results mark').count()) > 0, 'the full results carry highlights');
    await screenshot(page, '06-job-details', { fullPage: false });
    await details.getByRole('button', { name: 'Close' }).click();
  });

  step('falls back to polling when the socket is unreachable, and says so', async () => {
    const session = await page.evaluate(() => sessionStorage.getItem('vsp.session'));
    const offline = await browser.context.newPage();
    try {
      await offline.addInitScript((stored) => sessionStorage.setItem('vsp.session', stored), session);
      await offline.route('**/socket.io/**', (route) => route.abort());
      await offline.goto(`${baseUrl}/dashboard`);
      await offline.locator('[data-testid="jobs-live-mode"][data-mode="polling"]').waitFor();
      await offline.locator('.live[data-mode="polling"]').waitFor();

      const response = await api(`/api/v1/users/${userId}/search`, {
        method: 'POST',
        body: { query: 'olive oil' },
        headers: { Prefer: 'wait=0' },
      });
      const { job_id: jobId } = await response.json();
      await offline.locator(`[data-job-id="${jobId}"] [data-status="completed"]`).waitFor({ timeout: 20_000 });
      await offline.locator('[data-testid="jobs-live-mode"]').filter({ hasText: '(polling)' }).waitFor();
      await screenshot(offline, '07-dashboard-polling', { fullPage: false });
    } finally {
      await offline.close();
    }
  });

  step('exports usage as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-usage-csv"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const content = await readFile(await download.path(), 'utf8');
    const lines = content.trim().split(/\r?\n/);
    assert.ok(lines.length >= 2, 'a header and at least one row');
    assert.ok(lines[0].includes(','), `CSV header: ${lines[0]}`);
  });

  step('shows per-key usage and the key comparison', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    // The comparison covers the listed keys; the revoked one makes two.
    await page.locator('[data-testid="show-revoked"] button').click();
    const row = page.locator('[data-testid="key-row"]').filter({ hasText: 'e2e key' });
    await waitUntil('the key request count', async () => {
      const text = (await row.locator('[data-testid="key-requests"]').textContent()) ?? '';
      return Number(text.replace(/[^\d]/g, '')) >= 7;
    });
    await row.getByRole('button', { name: 'Usage' }).click();
    await page.locator('[data-testid="key-usage"] path.line').first().waitFor();
    await page.locator('[data-testid="key-usage"] figure[data-level]').first().waitFor();
    await page.locator('[data-testid="key-comparison"]').getByText('e2e key').first().waitFor();
    await screenshot(page, '08-api-keys');
  });

  step('shows the circuit breaker and service health', async () => {
    await page.getByRole('link', { name: 'System' }).click();
    await page.locator('[data-testid="breaker-state"][data-state="closed"]').waitFor();
    await page.locator('[data-testid="overall-health"]').filter({ hasText: 'healthy' }).waitFor();
    await screenshot(page, '09-system');
  });

  step('fits a tablet screen', async () => {
    await page.setViewportSize(TABLET);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.locator('[data-testid="card-today"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling at tablet width (overflow ${overflow}px)`);
    await screenshot(page, '10-dashboard-tablet');
  });

  step('logs out and back in', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('wrong-password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: 'Invalid credentials' }).waitFor();
    await screenshot(page, '11-login');
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL('**/videos');
    assert.deepEqual(pageErrors, []);
  });
});
