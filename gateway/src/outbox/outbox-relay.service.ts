import { describeError } from '@gateway/search/describe-error';
import { MAX_INDEX_CALL_BYTES, chunkByBudget } from '@gateway/search/grpc/message-budget';
import { SearchGrpcClient } from '@gateway/search/grpc/search-grpc.client';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { VideoDocument, VideoRef } from '@proto/gen/ts/videosearch/search/v1/index';
import { OutboxEvent, OutboxEventType, VideoDocumentPayload } from './outbox-event.entity';
import { OutboxRelayConfig, outboxRelayConfig } from './outbox-relay.config';
import { OutboxRelayRepository } from './outbox-relay.repository';

/** How long shutdown keeps flushing pending events before giving up (they stay for the next start). */
const SHUTDOWN_DRAIN_MS = 5000;

export interface RelayCycleResult {
  /** Events acknowledged by the search service in this cycle. */
  delivered: number;
  /** Whether the batch was full, i.e. more events are probably waiting. */
  more: boolean;
}

/**
 * Delivers the outbox to the search service: the oldest undelivered events, in id order, in batches
 * of consecutive upserts (UpsertVideos) and deletes (DeleteVideos), each marked delivered once
 * acknowledged. A failure stops the cycle at that point, so no later change of a video overtakes an
 * earlier one, and the next cycle waits an exponential, jittered backoff. The search service applies
 * changes by (owner, video, version), so a batch delivered twice (after a crash between ack and mark)
 * is harmless.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<unknown> = Promise.resolve();
  private consecutiveFailures = 0;
  private stopping = false;

  constructor(
    private readonly relayRepository: OutboxRelayRepository,
    private readonly client: SearchGrpcClient,
    @Inject(outboxRelayConfig.KEY) private readonly config: OutboxRelayConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** Before shutdown proper, while the gRPC client is still open: finish the cycle, then flush what is left. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.cycle;
    await this.drain(Date.now() + SHUTDOWN_DRAIN_MS);
  }

  /** One cycle under the cross-replica lease; also what the shutdown drain and the tests run. */
  async runCycle(): Promise<RelayCycleResult> {
    const lease = await this.relayRepository.withLease(() => this.relayBatch());
    return lease.acquired ? lease.result : { delivered: 0, more: false };
  }

  private schedule(delayMs: number): void {
    if (this.stopping) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.cycle = this.tick();
    }, delayMs);
  }

  private async tick(): Promise<void> {
    try {
      const { more } = await this.runCycle();
      if (this.consecutiveFailures > 0) {
        this.logger.log(`Outbox delivery resumed after ${this.consecutiveFailures} failed attempt(s)`);
        this.consecutiveFailures = 0;
      }
      this.schedule(more ? 0 : this.config.pollIntervalMs);
    } catch (error) {
      this.consecutiveFailures++;
      const delay = this.backoffMs(this.consecutiveFailures);
      const message = `Outbox delivery failed ${this.consecutiveFailures} time(s) in a row (${describeError(error)}); next try in ${delay} ms`;
      // The first failure of an outage is news; the retries that follow are not.
      if (this.consecutiveFailures === 1) {
        this.logger.warn(message);
      } else {
        this.logger.debug(message);
      }
      this.schedule(delay);
    }
  }

  private async drain(deadline: number): Promise<void> {
    try {
      while (Date.now() < deadline && (await this.runCycle()).more) {
        // Keeps going while full batches come back, i.e. while a backlog remains.
      }
    } catch (error) {
      this.logger.warn(`Outbox not fully drained at shutdown (${describeError(error)}); the next start resumes it`);
    }
  }

  private async relayBatch(): Promise<RelayCycleResult> {
    const events = await this.relayRepository.nextBatch(this.config.batchSize);
    let delivered = 0;
    for (const run of consecutiveRuns(events)) {
      try {
        if (run.type === 'upsert') {
          await this.client.upsertVideos({ videos: run.events.map(toVideoDocument) });
        } else {
          await this.client.deleteVideos({ videos: run.events.map(toVideoRef) });
        }
      } catch (error) {
        await this.relayRepository.markFailed(run.events, describeError(error)).catch((markError: unknown) => {
          this.logger.warn(`Could not record an outbox failure: ${describeError(markError)}`);
        });
        throw error;
      }
      await this.relayRepository.markDelivered(run.events.map((event) => event.id));
      delivered += run.events.length;
    }
    return { delivered, more: events.length === this.config.batchSize };
  }

  /** Exponential from the poll interval, capped, with full jitter over the upper half. */
  private backoffMs(failures: number): number {
    const ceiling = Math.min(this.config.maxBackoffMs, this.config.pollIntervalMs * 2 ** Math.min(failures, 30));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }
}

interface EventRun {
  type: OutboxEventType;
  events: OutboxEvent[];
}

/**
 * Splits id-ordered events into runs of one type, keeping the order between runs; a run too large
 * for one gRPC message is cut into several calls.
 */
export function consecutiveRuns(events: OutboxEvent[]): EventRun[] {
  const runs: EventRun[] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last && last.type === event.type) {
      last.events.push(event);
    } else {
      runs.push({ type: event.type, events: [event] });
    }
  }
  return runs.flatMap((run) =>
    chunkByBudget(run.events, run.events.length, MAX_INDEX_CALL_BYTES, eventBytes).map((events) => ({
      type: run.type,
      events,
    })),
  );
}

function eventBytes(event: OutboxEvent): number {
  return Buffer.byteLength(event.payload, 'utf8') + 32;
}

export function toVideoDocument(event: OutboxEvent): VideoDocument {
  const payload = JSON.parse(event.payload) as VideoDocumentPayload;
  return {
    ownerId: event.ownerId,
    videoId: event.videoId,
    version: event.version,
    title: payload.title,
    description: payload.description,
    tags: payload.tags,
    duration: payload.duration,
    createdAt: payload.created_at,
    updatedAt: payload.updated_at,
  };
}

export function toVideoRef(event: OutboxEvent): VideoRef {
  return { ownerId: event.ownerId, videoId: event.videoId, version: event.version };
}
