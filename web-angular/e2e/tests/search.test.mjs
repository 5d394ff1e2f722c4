// End-to-end: the search page and the search settings page in Chromium against the real platform.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callApi } from '../support/api.mjs';
import { launchBrowser, screenshot } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';
import { COOKING_VIDEOS } from '../support/videos.mjs';
import { waitUntil } from '../support/wait.mjs';

const VIDEOS = [
  ...COOKING_VIDEOS,
  {
    title: 'Mountain bike trail guide',
    description: 'Riding technical descents safely, with tips on braking and line choice.',
    duration: 900,
    tags: ['outdoors', 'bike'],
  },
];

const STEP_TIMEOUT_MS = 60_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);

describe('search page and search settings in a real browser', { timeout: 240_000 }, () => {
  let platform;
  let browser;
  let page;
  let baseUrl;
  let token;
  let userId;
  const pageErrors = [];
  const videoIds = {};

  const api = (path, init) => callApi(baseUrl, token, path, init);

  const box = () => page.locator('[data-testid="instant-search"]');
  const hitTitles = () => page.locator('[data-testid="search-hit"] .hit-title').allTextContents();
  const titlesAre = async (expected) => {
    const titles = (await hitTitles()).map((title) => title.trim());
    return JSON.stringify(titles) === JSON.stringify(expected);
  };

  before(async () => {
    platform = await startPlatform();
    baseUrl = platform.baseUrl;
    const registered = await fetch(`${baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: `search-${Date.now()}@example.com`,
        password: 'correct-horse-battery',
        name: 'Searcher',
      }),
    });
    assert.equal(registered.status, 201);
    const session = await registered.json();
    token = session.token;
    userId = session.user.id;
    for (const video of VIDEOS) {
      const created = await api(`/api/v1/users/${userId}/videos`, { method: 'POST', body: video });
      assert.equal(created.status, 201);
      videoIds[video.title] = created.body.id;
    }
    // The index follows the library through the outbox relay: wait until it holds every video.
    await waitUntil(
      'the index to hold the cooking videos',
      async () => {
        const { status, body } = await api(`/api/v1/users/${userId}/search?q=cooking`);
        return status === 200 && body.results.length === 3;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );

    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript(
      (stored) => sessionStorage.setItem('vsp.session', stored),
      JSON.stringify({ token, user: session.user }),
    );
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step(
    'searches as you type, with highlighted results, facet counts, refinements, sort and a recorded click',
    async () => {
      await page.goto(`${baseUrl}/videos`);
      await page.getByRole('link', { name: 'Search', exact: true }).click();
      await page.waitForURL('**/search');
      await page.locator('[data-testid="search-idle"]').waitFor();

      await box().pressSequentially('cooking', { delay: 30 });
      await waitUntil(
        'three cooking results',
        async () => (await page.locator('[data-testid="search-hit"]').count()) === 3,
      );
      const marks = await page.locator('[data-testid="search-hit"] mark').allTextContents();
      assert.ok(marks.length > 0 && marks.every((text) => /cook/i.test(text)), `highlights: ${marks.join(', ')}`);
      // Nothing but the marks is markup: the highlight text renders as text.
      assert.equal(
        await page.locator('[data-testid="search-hit"] .hit-text *:not(mark):not(app-marked-text)').count(),
        0,
      );
      await page.locator('[data-testid="search-summary"]').filter({ hasText: 'of about 3' }).waitFor();

      const tagCount = (tag) =>
        page.locator(`[data-testid="facet-tag"][data-tag="${tag}"] [data-testid="facet-count"]`).textContent();
      assert.equal((await tagCount('cooking')).trim(), '3');
      assert.equal((await tagCount('baking')).trim(), '1');
      assert.equal((await tagCount('pasta')).trim(), '1');
      const bucketText = await page.locator('[data-testid="facet-duration"][data-bucket="0-60"]').textContent();
      assert.match(bucketText, /1\s*$/);
      await screenshot(page, 'search-01-results');

      await page.locator('[data-testid="facet-tag"][data-tag="baking"] input').check();
      await waitUntil('only the baking video', () => titlesAre(['Baking sourdough bread']));
      await page.locator('[data-testid="clear-filters"]').click();
      await waitUntil(
        'the three results again',
        async () => (await page.locator('[data-testid="search-hit"]').count()) === 3,
      );

      await page.locator('[data-testid="search-sort"]').click();
      await page.locator('mat-option').filter({ hasText: 'Shortest first' }).click();
      await waitUntil('shortest first', () =>
        titlesAre(['Quick cooking tips', 'Cooking pasta at home', 'Baking sourdough bread']),
      );

      const [click] = await Promise.all([
        page.waitForResponse(
          (response) => response.url().includes('/clicks') && response.request().method() === 'POST',
        ),
        page.locator('[data-testid="search-hit"] .hit-title').nth(1).click(),
      ]);
      assert.equal(click.status(), 201);
      assert.deepEqual(JSON.parse(click.request().postData()), {
        video_id: videoIds['Cooking pasta at home'],
        position: 2,
      });
      const preview = page.locator('mat-dialog-container');
      await preview.locator('[data-testid="video-preview"]').filter({ hasText: 'pasta' }).waitFor();
      await preview.getByRole('button', { name: 'Close' }).click();
      await preview.waitFor({ state: 'detached' });
    },
  );

  step('picks a suggestion with the keyboard', async () => {
    await box().fill('');
    await box().pressSequentially('sour', { delay: 40 });
    // On a loaded machine the keystrokes can outlast the debounce, so suggestions for "so" may show first.
    const options = page.locator('[data-testid="search-suggestions"][data-suggested-for="sour"] [role="option"]');
    await options.first().waitFor();
    assert.equal(await box().getAttribute('aria-expanded'), 'true');
    const first = (await options.first().textContent()).trim();
    await box().press('ArrowDown');
    // The highlight renders on the next change detection, not within the key press.
    await waitUntil(
      'the first suggestion to be highlighted',
      async () =>
        (await options.first().getAttribute('aria-selected')) === 'true' &&
        (await box().getAttribute('aria-activedescendant')) === 'search-suggestion-0',
      { timeoutMs: 5_000, intervalMs: 50 },
    );
    await box().press('Enter');
    await page.locator('[data-testid="search-suggestions"]').waitFor({ state: 'hidden' });
    assert.equal(await box().inputValue(), first);
    assert.match(first, /^sour/i);
    await waitUntil('the sourdough video', async () => (await hitTitles()).some((t) => t.includes('sourdough')));

    await box().pressSequentially(' x', { delay: 40 });
    await box().press('Escape');
    await page.locator('[data-testid="search-suggestions"]').waitFor({ state: 'hidden' });
  });

  step('adds a synonym in the settings, shows the API refusal, saves, and the search finds by it', async () => {
    await box().fill('noodles');
    await page.locator('[data-testid="search-empty"]').filter({ hasText: 'No videos match “noodles”' }).waitFor();

    await page.locator('[data-testid="open-search-settings"]').click();
    await page.waitForURL('**/search/settings');
    const row = page.locator('[data-testid="synonym-row"]').first();
    await row.locator('input[name="synonym-word"]').fill('noodles');
    await row.locator('input[name="synonym-equivalents"]').fill(`pasta, ${'x'.repeat(60)}`);
    await page.locator('[data-testid="save-settings"]').click();
    const refusal = page.locator('[data-testid="settings-error"]');
    await refusal.waitFor();
    assert.ok(((await refusal.textContent()) ?? '').trim().length > 0);
    assert.equal((await api(`/api/v1/users/${userId}/search/settings`)).body.synonyms.noodles, undefined);

    await row.locator('input[name="synonym-equivalents"]').fill('pasta');
    await page.locator('[data-testid="save-settings"]').click();
    await page.locator('[data-testid="settings-saved"]').waitFor();
    assert.deepEqual((await api(`/api/v1/users/${userId}/search/settings`)).body.synonyms, { noodles: ['pasta'] });
    await screenshot(page, 'search-02-settings');

    await page.getByRole('link', { name: 'Back to search' }).click();
    await page.waitForURL('**/search');
    await box().pressSequentially('noodles', { delay: 30 });
    await waitUntil('the pasta video found through the synonym', () => titlesAre(['Cooking pasta at home']));
    assert.deepEqual(pageErrors, []);
  });
});
