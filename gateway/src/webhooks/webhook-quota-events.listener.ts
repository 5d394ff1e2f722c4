import { QuotaThresholdCrossing } from '@gateway/quotas/quota-subject';
import { QuotaService } from '@gateway/quotas/quota.service';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { TransactionRunner } from '../database/transaction-runner';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookEventPublisher } from './webhook-event.publisher';

/**
 * Publishes `quota.warning` when a key's (or JWT user's) daily or monthly use reaches 80 % and 100 %;
 * the dedupe key (subject, window, threshold) makes it once per window and threshold, also when
 * several gateways (each with in-memory counters) see the crossing.
 */
@Injectable()
export class WebhookQuotaEventsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookQuotaEventsListener.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly quotas: QuotaService,
    private readonly publisher: WebhookEventPublisher,
    private readonly dispatcher: WebhookDispatcherService,
    private readonly transactions: TransactionRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.quotas.thresholdCrossings$.subscribe((crossing) => void this.handle(crossing));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  async handle(crossing: QuotaThresholdCrossing): Promise<void> {
    const subject = `${crossing.subject.scope}:${crossing.subject.id}`;
    try {
      await this.transactions.run((manager) =>
        this.publisher.publish(manager, {
          ownerId: crossing.ownerId,
          type: 'quota.warning',
          data: {
            subject: crossing.subject,
            window: crossing.window.kind,
            window_id: crossing.window.id,
            used: crossing.used,
            limit: crossing.limit,
            threshold: crossing.threshold,
          },
          dedupeKey: `quota.warning:${subject}:${crossing.window.kind}:${crossing.window.id}:${crossing.threshold}`,
        }),
      );
      this.dispatcher.nudge();
    } catch (error) {
      this.logger.warn(`Could not queue the quota warning of ${subject}: ${(error as Error).message}`);
    }
  }
}
