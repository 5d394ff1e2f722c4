import { deleteInChunks } from '@gateway/common/scheduling/chunked-delete';
import { PeriodicTask } from '@gateway/common/scheduling/periodic-task';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhooksConfig, webhooksConfig } from './webhooks.config';

const PRUNE_INTERVAL_MS = 60 * 60_000;

/**
 * Deletes finished deliveries (succeeded, or failed for good) older than WEBHOOK_DELIVERY_RETENTION_DAYS; the
 * delivery log shows the recent ones, and a pending delivery is never touched. Safe on every replica.
 */
@Injectable()
export class WebhookDeliveryPrunerService extends PeriodicTask {
  protected readonly logger = new Logger(WebhookDeliveryPrunerService.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return PRUNE_INTERVAL_MS;
  }

  prune(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.deliveryRetentionMs);
    return deleteInChunks((limit) => this.deliveries.pruneFinished(cutoff, limit));
  }

  protected async run(): Promise<string | null> {
    const pruned = await this.prune();
    return pruned > 0 ? `Pruned ${pruned} finished webhook deliveries` : null;
  }
}
