import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { outsideRequestScope } from '../observability/logging/request-id';
import { webhookRetryDelayMs } from './webhook-backoff';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { sendWebhook } from './webhook-sender';
import { signatureHeader } from './webhook-signature';
import { WebhooksConfig, webhooksConfig } from './webhooks.config';

const BATCH_SIZE = 20;
const MAX_ERROR_LENGTH = 1000;

/**
 * Delivers due webhook rows: each is claimed with a conditional update (a claim lasts the timeout plus a
 * margin, so a crashed gateway's claim is taken over), POSTed signed, and recorded; a failure schedules
 * the next attempt with exponential backoff and jitter until the retry window after the first attempt
 * has passed, then the delivery is failed.
 */
@Injectable()
export class WebhookDispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcherService.name);
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.cycle;
  }

  /** Runs a cycle soon (after a publish, redeliver or test). */
  nudge(): void {
    if (this.timer && !this.stopping) {
      clearTimeout(this.timer);
      this.schedule(0);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopping) {
      return;
    }
    // nudge() comes from a request: the cycles after it must not run in that request's scope.
    this.timer = outsideRequestScope(() =>
      setTimeout(() => {
        this.timer = null;
        this.cycle = this.tick();
      }, delayMs),
    );
  }

  private async tick(): Promise<void> {
    let more = false;
    try {
      more = (await this.runCycle()) === BATCH_SIZE;
    } catch (error) {
      this.logger.warn(`Webhook dispatch cycle failed: ${(error as Error).message}`);
    }
    this.schedule(more ? 0 : this.config.pollIntervalMs);
  }

  /** Claims and delivers the due rows; returns how many were due. */
  async runCycle(): Promise<number> {
    const ids = await this.deliveries.findDueIds(new Date(), BATCH_SIZE);
    await Promise.all(ids.map((id) => this.claimAndDeliver(id)));
    return ids.length;
  }

  /**
   * Until when a claim made at `now` holds: the attempt's timeout plus a margin, after which a crashed
   * dispatcher's claim goes stale and another takes the delivery over.
   */
  claimLease(now: Date): Date {
    return new Date(now.getTime() + this.config.timeoutMs + 30_000);
  }

  /** Claims one delivery and attempts it; null when another dispatcher holds it. */
  async claimAndDeliver(id: number): Promise<WebhookDelivery | null> {
    const now = new Date();
    if (!(await this.deliveries.claim(id, now, this.claimLease(now)))) {
      return null;
    }
    const delivery = await this.deliveries.findById(id);
    return delivery && this.deliverClaimed(delivery);
  }

  /** Attempts a delivery this dispatcher holds the claim of; answers it as recorded after the attempt. */
  async deliverClaimed(delivery: WebhookDelivery): Promise<WebhookDelivery | null> {
    await this.attempt(delivery);
    return this.deliveries.findById(delivery.id);
  }

  private async attempt(delivery: WebhookDelivery): Promise<void> {
    const endpoint = await this.endpoints.findById(delivery.endpointId);
    if (!endpoint) {
      return;
    }
    const now = new Date();
    const timestamp = Math.floor(now.getTime() / 1000);
    const secrets = [endpoint.secret];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
      secrets.push(endpoint.previousSecret);
    }
    const result = await sendWebhook(
      endpoint.url,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'video-search-webhooks/1',
        'Webhook-Id': delivery.eventId,
        'Webhook-Timestamp': String(timestamp),
        'Webhook-Signature': signatureHeader(secrets, timestamp, delivery.payload),
      },
      delivery.payload,
      { production: this.config.production, allowLocalhost: this.config.allowLocalhost },
      this.config.timeoutMs,
    );
    const attempts = delivery.attempts + 1;
    const firstAttemptAt = delivery.firstAttemptAt ?? now;
    const done = new Date();
    const succeeded = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    if (succeeded) {
      await this.deliveries.record(delivery.id, {
        status: 'succeeded',
        attempts,
        firstAttemptAt,
        responseCode: result.statusCode,
        responseBody: result.body,
        lastError: null,
        nextAttemptAt: null,
        deliveredAt: done,
      });
      return;
    }
    const lastError = (
      result.error ??
      `receiver answered ${result.statusCode ?? 'nothing'}${result.statusCode && result.statusCode >= 300 && result.statusCode < 400 ? ' (redirects are not followed)' : ''}`
    ).slice(0, MAX_ERROR_LENGTH);
    const next = new Date(done.getTime() + webhookRetryDelayMs(attempts, this.config.retryBaseMs));
    const giveUp = next.getTime() > firstAttemptAt.getTime() + this.config.retryWindowMs;
    await this.deliveries.record(delivery.id, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      firstAttemptAt,
      responseCode: result.statusCode,
      responseBody: result.body,
      lastError,
      nextAttemptAt: giveUp ? null : next,
    });
  }
}
