import { deleteInChunks } from '@gateway/common/scheduling/chunked-delete';
import { PeriodicTask } from '@gateway/common/scheduling/periodic-task';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxRelayConfig, outboxRelayConfig } from './outbox-relay.config';
import { OutboxRelayRepository } from './outbox-relay.repository';

/** Every ten minutes: frequent enough that a sweep stays small, rare enough to cost nothing. */
const PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * Deletes outbox events delivered more than OUTBOX_RETENTION_HOURS ago: a bulk import leaves one row per video,
 * and nothing reads a delivered event again. Undelivered events are never touched. Safe on every replica.
 */
@Injectable()
export class OutboxPrunerService extends PeriodicTask {
  protected readonly logger = new Logger(OutboxPrunerService.name);

  constructor(
    private readonly relayRepository: OutboxRelayRepository,
    @Inject(outboxRelayConfig.KEY) private readonly config: OutboxRelayConfig,
  ) {
    super();
  }

  protected get intervalMs(): number {
    return PRUNE_INTERVAL_MS;
  }

  prune(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.retentionMs);
    return deleteInChunks((limit) => this.relayRepository.pruneDelivered(cutoff, limit));
  }

  protected async run(): Promise<string | null> {
    const pruned = await this.prune();
    return pruned > 0 ? `Pruned ${pruned} delivered outbox events` : null;
  }
}
