// End-to-end: a video's captions in Chromium against the real platform: upload through the library's
// captions dialog (file picker and drag and drop), the cue list, a broken file's line, moments in search
// results, and deletion.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callApi } from '../support/api.mjs';
import { screenshot, signedInPage } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';
import { waitUntil } from '../support/wait.mjs';

const STEP_TIMEOUT_MS = 60_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);
const CUES = 1000;
/** Cue 63 starts at 63 × 4 s = 252 s, shown as 04:12. */
const STARTER_CUE = 63;

function vttTime(seconds) {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${secs.toFixed(3).padStart(6, '0')}`;
}

/** 1,000 cues of 3.5 s every 4 s; one of them is about the sourdough starter. */
function longVtt() {
  const blocks = ['WEBVTT', ''];
  for (let index = 0; index < CUES; index += 1) {
    const text =
      index === STARTER_CUE
        ? 'Now feed the sourdough starter with flour and water'
        : index === CUES - 1
          ? 'Thanks for baking along, see you next week'
          : `Kneading step ${index} of the loaf`;
    blocks.push(`${vttTime(index * 4)} --> ${vttTime(index * 4 + 3.5)}`, text, '');
  }
  return Buffer.from(blocks.join('\n'));
}

/** Line 6 has "->" where the timing needs "-->". */
const BROKEN_VTT = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nok\n\n00:00:03.000 -> 00:00:04.000\nbroken\n';

const SHORT_SRT = [
  '1',
  '00:00:01,000 --> 00:00:03,000',
  'Welcome to the bakery',
  '',
  '2',
  '00:04:12,000 --> 00:04:16,000',
  'Feed the sourdough starter twice a day',
  '',
  '3',
  '00:04:20,000 --> 00:04:24,000',
  'Then let it rest overnight',
  '',
].join('\n');

describe('captions in a real browser', { timeout: 300_000 }, () => {
  let platform;
  let browser;
  let page;
  let session;
  let pageErrors;
  let videoId;

  const api = (path) => callApi(platform.baseUrl, session.token, `/api/v1${path}`);
  const dialog = () => page.locator('mat-dialog-container').filter({ has: page.getByTestId('captions-panel') });
  const text = async (testId) => (await dialog().getByTestId(testId).innerText()).trim();

  before(async () => {
    platform = await startPlatform();
    ({ session, browser, page, pageErrors } = await signedInPage(platform, 'captioner'));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step('creates a video and opens its captions, empty at first', async () => {
    await page.goto(`${platform.baseUrl}/videos`);
    await page.getByText('Your library is empty').waitFor();
    await page.getByTestId('new-video').click();
    const form = page.locator('mat-dialog-container');
    await form.locator('input[name="title"]').fill('Weekend bread');
    await form.locator('textarea[name="description"]').fill('A loaf from start to finish.');
    await form.locator('input[name="duration"]').fill('4000');
    await form.getByRole('button', { name: 'Create video' }).click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('video-row').filter({ hasText: 'Weekend bread' });
    await row.getByRole('button', { name: 'Captions' }).click();
    await dialog().getByTestId('captions-empty').waitFor();
    const listed = await api(`/users/${session.user.id}/videos?q=Weekend`);
    videoId = listed.body.videos[0].id;
  });

  step('uploads 1,000 cues through the file picker and lists them, rendering only the rows in view', async () => {
    await dialog().getByTestId('captions-language-input').fill('en');
    await dialog()
      .getByLabel('Caption file')
      .setInputFiles({ name: 'weekend-bread.vtt', mimeType: 'text/vtt', buffer: longVtt() });
    await waitUntil('the summary of 1,000 cues', async () =>
      (await dialog().getByTestId('captions-cue-count').count()) > 0
        ? (await text('captions-cue-count')) === '1,000'
        : false,
    );
    assert.equal(await text('captions-language'), 'en');
    assert.equal(await text('captions-duration'), '1:06:40');
    const first = dialog().getByTestId('caption-cue').first();
    assert.equal((await first.locator('.time').innerText()).trim(), '00:00');
    assert.equal((await first.locator('.text').innerText()).trim(), 'Kneading step 0 of the loaf');
    const rendered = await dialog().getByTestId('caption-cue').count();
    assert.ok(rendered > 0 && rendered < 60, `${rendered} rows in the DOM for 1,000 cues`);

    await dialog()
      .getByTestId('captions-cues')
      .evaluate((viewport) => viewport.scrollTo({ top: viewport.scrollHeight }));
    await dialog().getByTestId('caption-cue').filter({ hasText: 'Thanks for baking along' }).waitFor();

    await dialog().getByTestId('captions-filter').fill('sourdough');
    const match = dialog().getByTestId('caption-cue');
    await waitUntil('one matching cue', async () => (await match.count()) === 1);
    assert.equal((await match.locator('.time').innerText()).trim(), '04:12');
    assert.match(await match.innerText(), /sourdough starter/);
    await screenshot(page, 'captions', { fullPage: false });
    await dialog().getByTestId('captions-filter').fill('');

    const stored = await api(`/users/${session.user.id}/videos/${videoId}/captions`);
    assert.equal(stored.status, 200);
    assert.equal(stored.body.cue_count, CUES);
    assert.equal(stored.body.cues[STARTER_CUE].t, '04:12');
  });

  step('shows the line of a broken cue and keeps the stored captions', async () => {
    await dialog()
      .getByLabel('Caption file')
      .setInputFiles({ name: 'broken.vtt', mimeType: 'text/vtt', buffer: Buffer.from(BROKEN_VTT) });
    const error = dialog().getByTestId('captions-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-line'), '6');
    assert.equal(await text('captions-error-line'), 'Line 6');
    assert.match(await error.innerText(), /broken\.vtt was not saved/);
    assert.match(await error.innerText(), /Fix line 6/);
    assert.equal(await text('captions-cue-count'), '1,000');
    await screenshot(page, 'captions-error', { fullPage: false });
  });

  step('replaces the captions with an SRT file dropped on the zone', async () => {
    const dataTransfer = await page.evaluateHandle((srt) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([srt], 'bakery.srt', { type: 'application/x-subrip' }));
      return transfer;
    }, SHORT_SRT);
    await dialog().getByTestId('captions-drop-zone').dispatchEvent('drop', { dataTransfer });
    await waitUntil('the summary of 3 cues', async () => (await text('captions-cue-count')) === '3');
    assert.equal(await dialog().getByTestId('captions-error').count(), 0);
    const rows = await dialog().getByTestId('caption-cue').locator('.time').allInnerTexts();
    assert.deepEqual(
      rows.map((row) => row.trim()),
      ['00:01', '04:12', '04:20'],
    );
    await dialog().getByTestId('captions-close').click();
    await dialog().waitFor({ state: 'detached' });
  });

  step('finds the video by a caption word and shows the moment as a chip with its timestamp', async () => {
    const path = `/users/${session.user.id}/search?q=sourdough`;
    let moments = [];
    await waitUntil('a search result with moments', async () => {
      const { status, body } = await api(path);
      moments = status === 200 ? (body.results.find((result) => result.video_id === videoId)?.moments ?? []) : [];
      return moments.length > 0;
    });
    assert.equal(moments[0].t, '04:12');
    assert.match(moments[0].text, /<mark>sourdough<\/mark>/i);

    await page.goto(`${platform.baseUrl}/search`);
    await page.getByTestId('instant-search').fill('sourdough');
    const hit = page.getByTestId('search-hit').filter({ hasText: 'Weekend bread' });
    const chip = hit.getByTestId('moment-chip').first();
    await chip.waitFor();
    assert.equal((await chip.getByTestId('moment-time').innerText()).trim(), '04:12');
    assert.equal((await chip.locator('mark').first().innerText()).toLowerCase(), 'sourdough');
    assert.match(await chip.innerText(), /starter/);
    await screenshot(page, 'search-moments');

    await chip.click();
    const preview = page.getByTestId('video-preview-moment');
    await preview.waitFor();
    assert.match(await preview.innerText(), /04:12/);
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });
  });

  step('deletes the captions after confirmation', async () => {
    await page.goto(`${platform.baseUrl}/videos`);
    const row = page.getByTestId('video-row').filter({ hasText: 'Weekend bread' });
    await row.getByRole('button', { name: 'Captions' }).click();
    await dialog().getByTestId('captions-cue-count').waitFor();
    await dialog().getByTestId('captions-delete').click();
    await page
      .locator('mat-dialog-container')
      .filter({ hasText: 'Delete captions?' })
      .getByRole('button', { name: 'Delete captions' })
      .click();
    await dialog().getByTestId('captions-empty').waitFor();
    assert.equal((await api(`/users/${session.user.id}/videos/${videoId}/captions`)).status, 404);
    assert.deepEqual(pageErrors, []);
  });
});
