// End-to-end: the relevance page in Chromium against the real platform: the zero-result doctor and pinned queries.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callApi } from '../support/api.mjs';
import { screenshot, signedInPage } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';
import { waitUntil } from '../support/wait.mjs';

const VIDEOS = [
  { title: 'Car repair basics', description: 'Change the oil of your car', duration: 300, tags: ['garage'] },
  { title: 'Classic car show', description: 'Vintage models on parade', duration: 600, tags: ['cars'] },
  { title: 'Guitar lessons', description: 'Chords for beginners', duration: 900, tags: ['music'] },
];

const STEP_TIMEOUT_MS = 90_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);

describe('relevance page in a real browser', { timeout: 300_000 }, () => {
  let platform;
  let browser;
  let page;
  let pageErrors;
  let token;
  let userId;
  const videoIds = {};

  const api = (path, init) => callApi(platform.baseUrl, token, path, init);
  const hits = async (query) => {
    const { status, body } = await api(`/api/v1/users/${userId}/search`, { method: 'POST', body: { query } });
    assert.equal(status, 200, `search "${query}" answered ${status}`);
    return body.estimated_total_hits;
  };

  before(async () => {
    platform = await startPlatform();
    let session;
    ({ browser, page, pageErrors, session } = await signedInPage(platform, 'relevance'));
    token = session.token;
    userId = session.user.id;
    for (const video of VIDEOS) {
      const created = await api(`/api/v1/users/${userId}/videos`, { method: 'POST', body: video });
      assert.equal(created.status, 201);
      videoIds[video.title] = created.body.id;
    }
    // The index follows the library through the outbox relay; searching before it holds every video would
    // record extra no-result searches.
    await waitUntil('the index to hold every video', async () => (await hits('car guitar')) === 3, {
      timeoutMs: 30_000,
    });
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step('diagnoses a query that finds nothing and applies the proposed synonym in one click', async () => {
    // "automobile" finds nothing, then the user searches "car": the doctor proposes it as a synonym.
    assert.equal(await hits('automobile'), 0);
    assert.equal(await hits('automobile'), 0);
    assert.equal(await hits('car'), 2);
    // Searches are recorded after they answer, in batches.
    await waitUntil(
      'the doctor to propose the synonym',
      async () => {
        const { body } = await api(`/api/v1/analytics/search/no-results/automobile/diagnosis`);
        return body?.fixes?.some((fix) => fix.id === 'synonym:automobile=car');
      },
      { timeoutMs: 30_000 },
    );

    await page.goto(`${platform.baseUrl}/videos`);
    await page.getByRole('link', { name: 'Relevance', exact: true }).click();
    await page.waitForURL('**/relevance');
    await page.getByText('No pinned query yet').waitFor();
    await page.locator('[data-testid="no-result-query"]').filter({ hasText: 'automobile' }).click();

    await page.locator('[data-testid="cause"][data-code="words_absent"]').waitFor();
    assert.equal((await page.getByTestId('matches-now').innerText()).trim(), '0');
    const fix = page.locator('[data-testid="fix"][data-fix="synonym:automobile=car"]');
    assert.match(await fix.innerText(), /would answer 2 of the last 30 days/);
    await screenshot(page, 'relevance-01-diagnosis');

    const [put] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().includes('/search/settings') && response.request().method() === 'PUT',
      ),
      fix.getByRole('button', { name: 'Apply' }).click(),
    ]);
    assert.equal(put.status(), 200);
    assert.deepEqual(JSON.parse(put.request().postData()).synonyms, { automobile: ['car'] });
    await page.locator('mat-snack-bar-container').filter({ hasText: 'Fix applied' }).waitFor();
    await page.getByTestId('diagnosis-fixed').waitFor();
    assert.equal((await page.getByTestId('matches-now').innerText()).trim(), '2');

    assert.equal(await hits('automobile'), 2, 'the query now finds the car videos');
  });

  step('pins a query, checks it and draws the health chart', async () => {
    const ids = [videoIds['Car repair basics'], videoIds['Classic car show']];
    await page.getByLabel('Query', { exact: true }).fill('car');
    await page.getByLabel('Expected video ids').fill('x, 3');
    await page.getByLabel('Expected video ids').blur();
    await page.getByText('"x" is not a video id').waitFor();
    await page.getByLabel('Expected video ids').fill(ids.join(', '));
    await page.getByRole('button', { name: 'Pin query' }).click();
    await page.locator('mat-snack-bar-container').filter({ hasText: 'Pinned "car"' }).waitFor();
    assert.equal(await page.locator('mat-error').count(), 0, 'the emptied form shows no errors');
    const row = page.getByTestId('pin-row');
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`${ids[0]}, ${ids[1]}`));
    assert.equal((await page.getByTestId('pin-rr').innerText()).trim(), '1.00');
    await page.getByTestId('pin-history-empty').waitFor();

    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByTestId('pin-check-report').waitFor();
    assert.match(await page.getByTestId('pin-report-summary').innerText(), /MRR .* → 1\.00/);
    await page.locator('[data-testid="pin-health-chart"] ngx-charts-line-chart svg').first().waitFor();
    await page.getByText('One check so far').waitFor();
    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('One check so far').waitFor({ state: 'detached' });
    const lines = await page.locator('[data-testid="pin-health-chart"] g.line-series').count();
    assert.equal(lines, 2, 'MRR and recall lines');
    await screenshot(page, 'relevance-02-pins');

    await row.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No pinned query yet').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
