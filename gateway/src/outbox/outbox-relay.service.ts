import { outsideRequestScope } from '@gateway/observability/logging/request-id';
import { describeError } from '@gateway/search/describe-error';
import { MAX_INDEX_CALL_BYTES, chunkByBudget } from '@gateway/search/grpc/message-budget';
import { SearchGrpcClient } from '@gateway/search/grpc/search-grpc.client';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { VideoDocument, VideoRef } from '@proto/gen/ts/videosearch/search/v1/index';
import { OutboxEventType, RelayedEvent, VideoDocumentPayload } from './outbox-event.entity';
import { OutboxRelayConfig, outboxRelayConfig } from './outbox-relay.config';
import { OutboxRelayRepository } from './outbox-relay.repository';

/** How long shutdown keeps flushing pending events before giving up (they stay for the next start). */
const SHUTDOWN_DRAIN_MS = 5000;
/** How long one cycle keeps sending full batches under its lease before giving other replicas a turn. */
const CYCLE_BUDGET_MS = 2000;
/** Calls to the search service outstanding at once while a backlog drains. */
const RELAY_CALLS_IN_FLIGHT = 2;

export interface RelayCycleResult {
  /** Events acknowledged by the search service in this cycle. */
  delivered: number;
  /** Whether the batch was full, i.e. more events are probably waiting. */
  more: boolean;
}

/**
 * Delivers the outbox to the search service: the oldest undelivered events, in id order, in batches
 * of consecutive upserts (UpsertVideos) and deletes (DeleteVideos), each marked delivered once
 * acknowledged. A failure stops the cycle at that point (the one other call in flight is still
 * awaited), and the next cycle resends from the oldest undelivered event after an exponential,
 * jittered backoff. The search service applies changes by (owner, video, version), keeping the
 * highest, so a batch delivered twice (after a crash between ack and mark) or after a later one is
 * harmless.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<unknown> = Promise.resolve();
  private consecutiveFailures = 0;
  private stopping = false;
  /** Events were committed while a cycle ran: the next one starts at once instead of after the poll interval. */
  private wakeRequested = false;

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

  /**
   * Delivers now rather than at the next poll, because this process just committed events: a change is then
   * searchable a round trip after its 2xx instead of up to a poll interval later. Writes that come while a
   * cycle runs are sent together by the cycle right after it, so a burst still goes in batches; while the
   * search service fails, the backoff stands.
   */
  wake(): void {
    if (this.stopping || this.consecutiveFailures > 0) {
      return;
    }
    if (this.timer) {
      clearTimeout(this.timer);
      this.schedule(0);
    } else {
      this.wakeRequested = true;
    }
  }

  /** One cycle under the cross-replica lease; also what the shutdown drain and the tests run. */
  async runCycle(): Promise<RelayCycleResult> {
    const lease = await this.relayRepository.withLease(() => this.relayBatches());
    return lease.acquired ? lease.result : { delivered: 0, more: false };
  }

  private schedule(delayMs: number): void {
    if (this.stopping) {
      return;
    }
    // wake() comes from a request's commit: the cycles after it must not run in that request's scope.
    this.timer = outsideRequestScope(() =>
      setTimeout(() => {
        this.timer = null;
        this.cycle = this.tick();
      }, delayMs),
    );
  }

  private async tick(): Promise<void> {
    this.wakeRequested = false;
    try {
      const { more } = await this.runCycle();
      if (this.consecutiveFailures > 0) {
        this.logger.log(`Outbox delivery resumed after ${this.consecutiveFailures} failed attempt(s)`);
        this.consecutiveFailures = 0;
      }
      this.schedule(more || this.wakeRequested ? 0 : this.config.pollIntervalMs);
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

  /**
   * While batches come back full (a backlog), sends them back to back under the one lease, with up to
   * RELAY_CALLS_IN_FLIGHT calls outstanding once the cycle's first call succeeded, and the next batch read
   * while they are: the search service works on one call while the relay prepares the next and marks the
   * last. A call that fails ends the cycle; the calls already sent are awaited and marked, and the failed run
   * is sent again next cycle. A later change that overtook it does no harm: the search service keeps the
   * highest version of each video.
   */
  private async relayBatches(): Promise<RelayCycleResult> {
    const deadline = Date.now() + CYCLE_BUDGET_MS;
    const size = this.config.batchSize;
    const inFlight: Array<{ run: EventRun; outcome: Promise<{ error: unknown } | null> }> = [];
    const failures: unknown[] = [];
    let delivered = 0;
    const settleOldest = async (): Promise<void> => {
      const { run, outcome } = inFlight.shift()!;
      const failed = await outcome;
      if (failed) {
        failures.push(failed.error);
        return;
      }
      await this.relayRepository.markDelivered(run.events.map((event) => event.id));
      delivered += run.events.length;
    };
    let batch = await this.relayRepository.nextBatch(size);
    let full = false;
    try {
      for (;;) {
        full = batch.length === size;
        const next = full && Date.now() < deadline ? this.relayRepository.nextBatch(size, batch[size - 1].id) : null;
        for (const run of consecutiveRuns(batch)) {
          if (failures.length > 0) {
            break;
          }
          // Held as an outcome, so a call that fails while an older one is awaited is never an unhandled rejection.
          const outcome = this.send(run).then(
            () => null,
            (error: unknown) => ({ error }),
          );
          inFlight.push({ run, outcome });
          // The first call of a cycle goes alone: after an outage the breaker lets one trial call through, and a
          // second one beside it would be refused and back the relay off again.
          if (inFlight.length === (delivered > 0 ? RELAY_CALLS_IN_FLIGHT : 1)) {
            await settleOldest();
          }
        }
        if (failures.length > 0 || !next) {
          await next?.catch(() => undefined);
          break;
        }
        batch = await next;
      }
    } finally {
      while (inFlight.length > 0) {
        await settleOldest();
      }
    }
    if (failures.length > 0) {
      throw failures[0];
    }
    return { delivered, more: full };
  }

  /** One call for a run; on failure records it on the run's events and rethrows, which ends the cycle. */
  private async send(run: EventRun): Promise<void> {
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
  }

  /** Exponential from the poll interval, capped, with full jitter over the upper half. */
  private backoffMs(failures: number): number {
    const ceiling = Math.min(this.config.maxBackoffMs, this.config.pollIntervalMs * 2 ** Math.min(failures, 30));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }
}

interface EventRun {
  type: OutboxEventType;
  events: RelayedEvent[];
}

/**
 * Splits id-ordered events into runs of one type, keeping the order between runs; a run too large
 * for one gRPC message is cut into several calls.
 */
export function consecutiveRuns(events: RelayedEvent[]): EventRun[] {
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

function eventBytes(event: RelayedEvent): number {
  return Buffer.byteLength(event.payload, 'utf8') + 32;
}

export function toVideoDocument(event: RelayedEvent): VideoDocument {
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
    captions: (payload.captions ?? []).map((cue) => ({ startMs: cue.start_ms, endMs: cue.end_ms, text: cue.text })),
    captionsLanguage: payload.captions_language ?? '',
  };
}

export function toVideoRef(event: RelayedEvent): VideoRef {
  return { ownerId: event.ownerId, videoId: event.videoId, version: event.version };
}
