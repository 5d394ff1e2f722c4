// End-to-end: explained results, a comparison of two, a job replayed and copied as curl, in Chromium against the
// real gateway and search service.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callApi } from '../support/api.mjs';
import { screenshot, signedInPage } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';
import { COOKING_VIDEOS } from '../support/videos.mjs';
import { waitUntil } from '../support/wait.mjs';

const LATE_VIDEO = {
  title: 'Cooking pasta for a crowd',
  description: 'Pasta cooking in big pots.',
  duration: 600,
  tags: ['cooking'],
};

const STEP_TIMEOUT_MS = 60_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);

describe('search workbench in a real browser', { timeout: 240_000 }, () => {
  let platform;
  let browser;
  let page;
  let pageErrors;
  let baseUrl;
  let token;
  let userId;
  let explained;

  const api = (path, init) => callApi(baseUrl, token, path, init);
  const indexHolds = (count) =>
    waitUntil(
      `the index to hold ${count} cooking videos`,
      async () => {
        const { status, body } = await api(`/api/v1/users/${userId}/search?q=cooking`);
        return status === 200 && body.results.length === count;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );

  before(async () => {
    platform = await startPlatform();
    baseUrl = platform.baseUrl;
    let session;
    ({ session, browser, page, pageErrors } = await signedInPage(platform, 'workbench'));
    token = session.token;
    userId = session.user.id;
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step('explains each result: the score parts add up to the relevance score', async () => {
    for (const video of COOKING_VIDEOS) {
      const created = await api(`/api/v1/users/${userId}/videos`, { method: 'POST', body: video });
      assert.equal(created.status, 201);
    }
    await indexHolds(3);

    await page.goto(`${baseUrl}/search`);
    await page.locator('[data-testid="explain-toggle"] button').click();
    const [answer] = await Promise.all([
      page.waitForResponse(
        (response) =>
          response.url().includes(`/users/${userId}/search?`) &&
          response.url().includes('explain=true') &&
          response.url().includes('q=cooking'),
      ),
      page.locator('[data-testid="instant-search"]').pressSequentially('cooking', { delay: 30 }),
    ]);
    explained = await answer.json();
    assert.equal(explained.results.length, 3);
    await waitUntil('three results', async () => (await page.locator('[data-testid="search-hit"]').count()) === 3);

    const first = page.locator('[data-testid="search-hit"]').first();
    await first.locator('[data-testid="explain-open"]').click();
    const explanation = first.locator('[data-testid="score-explanation"]');
    await explanation.waitFor();
    const words = explanation.locator('[data-testid="explain-word"]');
    assert.equal(await words.count(), 1);
    assert.equal(await words.first().getAttribute('data-kind'), explained.results[0].explanation.words[0].kind);
    assert.match(await words.first().textContent(), /cooking/);

    const values = await explanation
      .locator('[data-testid="explain-part"]')
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-value'))));
    assert.equal(values.length, 5);
    const sum = values.reduce((total, value) => total + value, 0);
    const score = explained.results[0].relevance_score;
    assert.ok(Math.abs(sum - score) < 0.001, `parts ${values.join(' + ')} = ${sum}, score ${score}`);
    const total = explanation.locator('[data-testid="explain-sum"]');
    assert.equal(await total.getAttribute('data-adds-up'), 'true');
    assert.ok(Math.abs(Number(await total.getAttribute('data-sum')) - score) < 0.001);
    assert.match(await total.textContent(), /= relevance score/);
    await screenshot(page, 'workbench-01-explain');
  });

  step('compares two results', async () => {
    const hits = page.locator('[data-testid="search-hit"]');
    await hits.nth(0).locator('[data-testid="compare-pick"] input').check();
    await page.locator('[data-testid="compare-hint"]').waitFor();
    const [compared] = await Promise.all([
      page.waitForResponse((response) => response.url().includes('/compare?')),
      hits.nth(1).locator('[data-testid="compare-pick"] input').check(),
    ]);
    assert.equal(compared.status(), 200);
    const comparison = await compared.json();
    assert.equal(comparison.a.video_id, explained.results[0].video_id);
    assert.equal(comparison.b.video_id, explained.results[1].video_id);

    const panel = page.locator('[data-testid="compare-panel"]');
    await panel.locator('[data-testid="compare-summary"]').filter({ hasText: comparison.summary }).waitFor();
    assert.equal(await panel.locator('[data-testid="compare-row"]').count(), comparison.differences.length);
    assert.equal((await panel.locator('[data-testid="compare-a"]').textContent()).trim(), comparison.a.title);
    const shown = Number((await panel.locator('[data-testid="compare-difference"]').textContent()).trim());
    assert.ok(Math.abs(shown - comparison.score_difference) < 0.001);
    await screenshot(page, 'workbench-02-compare');
    await panel.locator('[data-testid="compare-close"]').click();
    await panel.waitFor({ state: 'detached' });
  });

  step('replays a job beside its old results and copies it as curl', async () => {
    const jobId = explained.job_id;
    const created = await api(`/api/v1/users/${userId}/videos`, { method: 'POST', body: LATE_VIDEO });
    assert.equal(created.status, 201);
    await indexHolds(4);

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.goto(`${baseUrl}/dashboard`);
    await page.locator(`[data-job-id="${jobId}"]`).getByRole('button', { name: 'Details' }).click();
    const details = page.locator('mat-dialog-container');
    await details.locator('[data-testid="job-details"]').filter({ hasText: 'cooking' }).waitFor();

    const [replayed] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/search/jobs/${jobId}/replay`)),
      details.locator('[data-testid="replay-job"]').click(),
    ]);
    assert.equal(replayed.status(), 200);
    const replay = await replayed.json();
    assert.equal(replay.summary.new, 1);
    const panel = details.locator('[data-testid="replay-panel"]');
    await panel.locator('[data-testid="replay-summary"]').filter({ hasText: '1 new' }).waitFor();
    assert.equal(await panel.locator('[data-testid="replay-before"] li').count(), 3);
    assert.equal(await panel.locator('[data-testid="replay-after"] li').count(), 4);
    const added = panel.locator(`[data-testid="replay-after"] li[data-video-id="${created.body.id}"]`);
    assert.match(await added.locator('[data-testid="replay-mark"]').textContent(), /new at \d/);
    const moved = replay.changes.filter((change) => change.change === 'moved').length;
    assert.equal(await panel.locator('[data-testid="replay-after"] [data-testid="replay-mark"]').count(), 1 + moved);
    await screenshot(page, 'workbench-03-replay', { fullPage: false });

    await details.locator('[data-testid="copy-curl"]').click();
    await page.locator('mat-snack-bar-container').filter({ hasText: 'curl command copied' }).waitFor();
    const command = (await details.locator('[data-testid="job-command"]').textContent()).trim();
    assert.match(command, /^curl -X POST/);
    assert.ok(command.includes(`/api/v1/users/${userId}/search`), command);
    assert.ok(command.includes('Bearer $TOKEN'));
    assert.ok(command.includes('"query":"cooking"'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), command);

    await details.locator('[data-testid="copy-grpcurl"]').click();
    await details.locator('[data-testid="job-command"][data-kind="grpcurl"]').waitFor();
    assert.match(
      await details.locator('[data-testid="job-command"]').textContent(),
      /videosearch\.search\.v1\.SearchService\/Search/,
    );
    await details.getByRole('button', { name: 'Close' }).click();
    assert.deepEqual(pageErrors, []);
  });
});
