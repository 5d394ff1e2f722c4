import { webhooksConfig } from './webhooks.config';

describe('webhooksConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('has the documented defaults', () => {
    delete process.env.WEBHOOK_TIMEOUT_MS;
    delete process.env.WEBHOOK_RETRY_BASE_MS;
    delete process.env.WEBHOOK_RETRY_WINDOW_MS;
    delete process.env.WEBHOOK_ALLOW_LOCALHOST;
    expect(webhooksConfig()).toMatchObject({
      timeoutMs: 10_000,
      retryBaseMs: 30_000,
      retryWindowMs: 86_400_000,
      allowLocalhost: false,
    });
  });

  it('refuses WEBHOOK_ALLOW_LOCALHOST=true in production', () => {
    process.env.NODE_ENV = 'production';
    process.env.WEBHOOK_ALLOW_LOCALHOST = 'true';
    expect(() => webhooksConfig()).toThrow('WEBHOOK_ALLOW_LOCALHOST must not be true when NODE_ENV=production');
  });
});
