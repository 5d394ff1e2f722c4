// End-to-end: the webhooks pages in Chromium against the real platform, delivering to a receiver on 127.0.0.1.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { screenshot, signedInPage } from '../support/browser.mjs';
import { startPlatform } from '../support/platform.mjs';

const STEP_TIMEOUT_MS = 60_000;
const step = (name, fn) => it(name, { timeout: STEP_TIMEOUT_MS }, fn);

function startReceiver() {
  const received = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, received, url: `http://127.0.0.1:${server.address().port}/hook` }),
    ),
  );
}

describe('webhooks pages in a real browser', { timeout: 240_000 }, () => {
  let platform;
  let browser;
  let page;
  let receiver;
  let pageErrors;

  before(async () => {
    // Loopback receivers are a development-only allowance; the platform's processes inherit this.
    process.env.WEBHOOK_ALLOW_LOCALHOST = 'true';
    receiver = await startReceiver();
    platform = await startPlatform();
    ({ browser, page, pageErrors } = await signedInPage(platform, 'hooks'));
  });

  after(async () => {
    await browser?.close();
    await platform?.stop();
    receiver?.server.close();
  });

  step('refuses a private address with the gateway message', async () => {
    await page.goto(`${platform.baseUrl}/webhooks`);
    await page.getByText('No webhook endpoints yet').waitFor();
    await page.getByLabel('Endpoint URL').fill('https://10.0.0.1/hook');
    await page.locator('[data-event="job.completed"] input').check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByTestId('create-webhook-error').waitFor();
    assert.match(await page.getByTestId('create-webhook-error').innerText(), /private|reserved|address/i);
  });

  step('creates an endpoint, shows its secret once and delivers a signed ping', async () => {
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret-value').innerText()).trim();
    assert.ok(secret.length >= 16, 'the secret is shown once');
    await page.getByTestId('webhook-row').first().waitFor();
    assert.match(await page.getByTestId('webhook-last-delivery').first().innerText(), /Nothing sent yet/);
    await page
      .getByRole('button', { name: /test ping/i })
      .first()
      .click();
    const deadline = Date.now() + 20_000;
    while (receiver.received.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(receiver.received.length, 1, 'the receiver got the ping');
    const { headers, body } = receiver.received[0];
    const parts = Object.fromEntries(
      String(headers['webhook-signature'])
        .split(',')
        .map((part) => part.split('=')),
    );
    const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
    assert.equal(parts.v1, expected, 'signed with the secret the page showed');
    // The list reloads after the ping and shows it as the endpoint's last delivery.
    await page.getByTestId('webhook-last-delivery').filter({ hasText: 'ping' }).first().waitFor();
    assert.match(await page.getByTestId('webhook-last-delivery').first().innerText(), /HTTP 200/);

    await page.getByTestId('webhook-url').first().click();
    await page.getByTestId('webhook-detail-url').waitFor();
    await page.getByTestId('delivery-code').filter({ hasText: 'HTTP 200' }).first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'webhooks');
  });

  step('shows a delivery payload, redelivers it and deletes the endpoint', async () => {
    await page.getByRole('button', { name: 'Details' }).first().click();
    assert.match(await page.getByTestId('delivery-payload').first().innerText(), /"type": "ping"/);
    await page.getByRole('button', { name: 'Redeliver' }).first().click();
    const deadline = Date.now() + 20_000;
    while (receiver.received.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(receiver.received.length, 2, 'the receiver got the ping again');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /delete/i })
      .click();
    await page.getByText('No webhook endpoints yet').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
