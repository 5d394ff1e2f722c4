import type { WebhooksConfig } from '../webhooks.config';

/** Development settings with second-scale timings, for specs that drive the dispatcher by hand. */
export const TEST_WEBHOOKS_CONFIG: WebhooksConfig = {
  production: false,
  timeoutMs: 1000,
  retryBaseMs: 1000,
  retryWindowMs: 60_000,
  pollIntervalMs: 1000,
  allowLocalhost: true,
  deliveryRetentionMs: 86_400_000,
};
