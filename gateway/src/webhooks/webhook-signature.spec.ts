import { createHmac } from 'node:crypto';
import { webhookRetryDelayMs } from './webhook-backoff';
import { newWebhookSecret, signatureHeader } from './webhook-signature';

describe('webhook signature', () => {
  it('is t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")> per secret', () => {
    const body = '{"id":"evt_1"}';
    const expected = createHmac('sha256', 'whsec_a').update(`1700000000.${body}`).digest('hex');
    expect(signatureHeader(['whsec_a'], 1700000000, body)).toBe(`t=1700000000,v1=${expected}`);
    expect(signatureHeader(['whsec_a', 'whsec_b'], 1700000000, body).split(',v1=')).toHaveLength(3);
  });

  it('makes whsec_ secrets of 32 random bytes', () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
  });

  it('backs off exponentially with jitter', () => {
    expect(webhookRetryDelayMs(1, 1000, () => 1)).toBe(1000);
    expect(webhookRetryDelayMs(3, 1000, () => 1)).toBe(4000);
    expect(webhookRetryDelayMs(3, 1000, () => 0)).toBe(2000);
    expect(webhookRetryDelayMs(40, 1000, () => 1)).toBe(6 * 3_600_000);
  });
});
