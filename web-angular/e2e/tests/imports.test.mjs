// End-to-end: the bulk import page in Chromium against the real platform.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { screenshot, signedInPage } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';

const STEP_TIMEOUT_MS = 60_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);

function ndjsonFile() {
  const lines = [];
  for (let index = 1; index <= 30; index += 1) {
    lines.push(JSON.stringify({ title: `Imported lesson ${index}`, duration: 60 + index, tags: ['imported'] }));
  }
  // Rows 31-33: a missing title, a negative duration and a line that is not JSON.
  lines.push(JSON.stringify({ description: 'no title here' }));
  lines.push(JSON.stringify({ title: 'Negative', duration: -5 }));
  lines.push('{"title": "broken');
  return Buffer.from(lines.join('\n'));
}

describe('bulk import page in a real browser', { timeout: 240_000 }, () => {
  let platform;
  let browser;
  let page;
  let session;
  let pageErrors;

  before(async () => {
    platform = await startPlatform();
    ({ session, browser, page, pageErrors } = await signedInPage(platform, 'importer'));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
  });

  step('refuses a file that is neither NDJSON nor CSV', async () => {
    await page.goto(`${platform.baseUrl}/imports`);
    await page.getByTestId('imports-empty').waitFor();
    await page
      .getByLabel('Import file')
      .setInputFiles({ name: 'videos.xlsx', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
    assert.match(await page.getByTestId('import-error').innerText(), /NDJSON|CSV/);
  });

  step('imports good rows, lists the bad ones and makes the good ones searchable', async () => {
    await page
      .getByLabel('Import file')
      .setInputFiles({ name: 'videos.ndjson', mimeType: 'application/x-ndjson', buffer: ndjsonFile() });
    await page.locator('[data-testid="import-progress"][data-phase="searchable"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('import-total').innerText(), '33');
    assert.equal(await page.getByTestId('import-done').innerText(), '30');
    assert.equal(await page.getByTestId('import-failed').innerText(), '3');
    const rows = await page.getByTestId('import-error-row').locator('td:first-child').allInnerTexts();
    assert.deepEqual(
      rows.map((row) => row.trim()),
      ['31', '32', '33'],
    );
    await page.getByTestId('import-history-row').first().waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download errors as CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.match(csv, /^row,message/m);
    assert.match(csv, /^31,/m);
    assert.match(csv, /^33,/m);
    await screenshot(page, 'imports');

    const search = await fetch(`${platform.baseUrl}/api/v1/users/${session.user.id}/search?q=lesson`, {
      headers: { Authorization: `Bearer ${session.token}` },
    });
    assert.equal(search.status, 200);
    assert.ok((await search.json()).results.length > 0, 'an imported video is found');
  });

  step('imports a CSV file dropped on the page', async () => {
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      const csv = 'title,description,duration,tags\nDropped lesson,From a CSV,90,dropped;csv\n';
      transfer.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer });
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="import-progress"]')?.textContent?.includes('dropped.csv'),
    );
    await page.locator('[data-testid="import-progress"][data-phase="searchable"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('import-done').innerText(), '1');
    assert.equal(await page.getByTestId('import-failed').innerText(), '0');
    assert.deepEqual(pageErrors, []);
  });
});
