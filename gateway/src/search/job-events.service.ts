import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { JobEvent, JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { Observable, Subject, Subscription } from 'rxjs';
import { SearchGrpcClient } from './grpc/search-grpc.client';

const RECONNECT_INITIAL_MS = 250;
const RECONNECT_MAX_MS = 5000;
/** A stream that stayed up this long was healthy: the next drop starts the backoff afresh. */
const STABLE_STREAM_MS = 5000;
/** Replays start this far before the covered point, for clock skew and events in flight at the drop. */
const RESUBSCRIBE_MARGIN_MS = 5000;
/** Jobs whose last status is remembered for de-duplication and for waiters arriving late. */
const REMEMBERED_JOBS = 10_000;

interface SeenStatus {
  status: JobStatus;
  occurredAt: string;
}

/**
 * The gateway's single `WatchJobs(owner_id 0)` subscription, fanned out as `events$` (realtime relays
 * it to browsers; the search wait listens to it). When the stream drops it resubscribes with jittered
 * backoff, asking the service to replay (`include_current` + `since`) what may have been missed;
 * replayed events already delivered are dropped by (job_id, status).
 */
@Injectable()
export class JobEventsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobEventsService.name);
  private readonly subject = new Subject<JobEvent>();
  /** Hot: subscribers get the events that happen while they listen. */
  readonly events$: Observable<JobEvent> = this.subject.asObservable();

  private readonly seen = new Map<string, SeenStatus>();
  private subscription: Subscription | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelayMs = RECONNECT_INITIAL_MS;
  private streamOpenedAt = 0;
  /** Up to when every event is known to have been received (epoch ms); null before the first stream. */
  private coveredUntil: number | null = null;
  private streaming = false;
  private stopped = false;
  /** Drops since the stream last delivered or stayed up; only the first of a series is worth a warning. */
  private dropsInRow = 0;

  constructor(private readonly client: SearchGrpcClient) {}

  onApplicationBootstrap(): void {
    this.subscribe();
  }

  /** First of the shutdown hooks, so a stream closed by the shutdown is not taken for a drop. */
  onModuleDestroy(): void {
    this.stopped = true;
    if (this.reconnectTimer) {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
    }
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.subject.complete();
  }

  /** Whether the stream is believed up: subscribed and not failed since. */
  isStreaming(): boolean {
    return this.streaming;
  }

  /** The last status the stream reported for a job, if it is still remembered. */
  lastStatus(jobId: string): JobStatus | undefined {
    return this.seen.get(jobId)?.status;
  }

  private subscribe(): void {
    if (this.stopped) {
      return;
    }
    const since = this.coveredUntil === null ? '' : new Date(this.coveredUntil - RESUBSCRIBE_MARGIN_MS).toISOString();
    this.streamOpenedAt = Date.now();
    this.coveredUntil ??= this.streamOpenedAt;
    this.streaming = true;
    this.subscription = this.client.watchJobs({ ownerId: 0, includeCurrent: true, since }).subscribe({
      next: (event) => this.accept(event),
      error: (error: unknown) => this.dropped(error),
      complete: () => this.dropped(null),
    });
  }

  private accept(event: JobEvent): void {
    if (this.dropsInRow > 0) {
      this.logger.log(`Job event stream resumed after ${this.dropsInRow} drop(s)`);
      this.dropsInRow = 0;
    }
    const previous = this.seen.get(event.jobId);
    if (previous && isReplayOf(event, previous)) {
      return;
    }
    this.remember(event);
    const occurredAt = Date.parse(event.occurredAt);
    if (!Number.isNaN(occurredAt) && (this.coveredUntil === null || occurredAt > this.coveredUntil)) {
      this.coveredUntil = occurredAt;
    }
    this.subject.next(event);
  }

  private remember(event: JobEvent): void {
    this.seen.delete(event.jobId);
    this.seen.set(event.jobId, { status: event.status, occurredAt: event.occurredAt });
    if (this.seen.size > REMEMBERED_JOBS) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) {
        this.seen.delete(oldest);
      }
    }
  }

  private dropped(error: unknown): void {
    this.streaming = false;
    this.subscription = null;
    if (this.stopped) {
      return;
    }
    // A stream that stayed up was delivering: everything until now has been seen. A stream that failed
    // at once proves nothing (another replica may have run jobs meanwhile), so coverage stays put.
    if (Date.now() - this.streamOpenedAt >= STABLE_STREAM_MS) {
      this.coveredUntil = Math.max(this.coveredUntil ?? 0, Date.now());
      this.reconnectDelayMs = RECONNECT_INITIAL_MS;
      this.dropsInRow = 0;
    }
    const delay = this.nextDelay();
    const reason = error instanceof Error ? error.message : 'stream ended';
    const message = `Job event stream dropped (${reason}); resubscribing in ${delay} ms`;
    if (this.dropsInRow === 0) {
      this.logger.warn(message);
    } else {
      this.logger.debug(message);
    }
    this.dropsInRow++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.subscribe();
    }, delay);
  }

  /** Decorrelated jitter: random between the initial delay and three times the previous one, capped. */
  private nextDelay(): number {
    const upper = Math.min(RECONNECT_MAX_MS, this.reconnectDelayMs * 3);
    this.reconnectDelayMs = Math.round(RECONNECT_INITIAL_MS + Math.random() * (upper - RECONNECT_INITIAL_MS));
    return this.reconnectDelayMs;
  }
}

/**
 * A replay repeats a status already delivered, or reports an older state than the one delivered.
 * A live event with a new status always passes, so a retried job's second run is seen in full.
 */
function isReplayOf(event: JobEvent, previous: SeenStatus): boolean {
  if (event.status === previous.status) {
    return event.resync || event.occurredAt <= previous.occurredAt;
  }
  return event.resync && event.occurredAt < previous.occurredAt;
}
