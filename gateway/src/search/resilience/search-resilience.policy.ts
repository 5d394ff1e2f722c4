import {
  BrokenCircuitError,
  BulkheadPolicy,
  BulkheadRejectedError,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  IPolicy,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { isGrpcCallError, isServiceFailureCode, isTransientCode } from './grpc-error';

export interface ResilienceOptions {
  /** Per attempt: the gRPC deadline and the cockatiel timeout. */
  timeoutMs: number;
  /** Extra attempts for idempotent reads. */
  retryAttempts: number;
  breakerThreshold: number;
  breakerHalfOpenMs: number;
  bulkheadLimit: number;
  bulkheadQueue: number;
}

/** Reads may be retried; writes (submit, retry, cancel, index changes) never are. */
export type CallKind = 'read' | 'write';

/** What one attempt receives: cancel the gRPC call on `signal`, and send `deadline` with it. */
export interface AttemptContext {
  signal: AbortSignal;
  deadline: Date;
}

export type BreakerStateName = 'closed' | 'open' | 'half_open';

export interface BreakerSnapshot {
  state: BreakerStateName;
  consecutive_failures: number;
  failure_threshold: number;
  half_open_after_ms: number;
  last_transition_at: string | null;
  last_failure_at: string | null;
  last_error: string | null;
  bulkhead: { limit: number; queue: number; active: number; queued: number };
}

/**
 * A timeout that rejects at once when it fires. cockatiel would also abort the call's signal after every
 * normal return (and build a DOMException for it, a few percent of the gateway's CPU under load); a
 * finished call has nothing left to cancel.
 */
function deadline(ms: number): IPolicy {
  return timeout(ms, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
}

const RETRY_INITIAL_DELAY_MS = 50;
const RETRY_MAX_DELAY_MS = 500;

/**
 * Any failure of the service counts against the breaker: a timeout here is the client-side view of
 * DEADLINE_EXCEEDED. Answers such as NOT_FOUND prove the service is up, so they do not count.
 */
export function isServiceFailure(error: unknown): boolean {
  if (error instanceof TaskCancelledError) {
    return true;
  }
  return isGrpcCallError(error) && isServiceFailureCode(error.code);
}

function isRetryable(error: unknown): boolean {
  if (error instanceof TaskCancelledError) {
    return true;
  }
  return isGrpcCallError(error) && isTransientCode(error.code);
}

/**
 * The single resilience policy in front of every unary call to the search service:
 * overall budget -> bulkhead -> retry (reads only) -> circuit breaker -> per-attempt timeout.
 * The breaker sits inside the retry so that every attempt is counted and an opening breaker stops
 * the remaining attempts at once; the overall budget also bounds the time spent queued in the bulkhead.
 */
export class SearchResiliencePolicy {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: BulkheadPolicy;
  private readonly retries: IPolicy;
  private readonly readPolicy: IPolicy;
  private readonly writePolicy: IPolicy;
  private readonly breakerCounter: ConsecutiveBreaker;
  private lastTransitionAt: Date | null = null;
  private openedAt: number | null = null;
  private lastFailureAt: Date | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly options: ResilienceOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.breakerCounter = new ConsecutiveBreaker(options.breakerThreshold);
    this.breaker = circuitBreaker(handleWhen(isServiceFailure), {
      halfOpenAfter: options.breakerHalfOpenMs,
      breaker: this.breakerCounter,
    });
    this.bulkhead = bulkhead(options.bulkheadLimit, options.bulkheadQueue);
    this.retries = retry(handleWhen(isRetryable), {
      maxAttempts: options.retryAttempts,
      backoff: new ExponentialBackoff({ initialDelay: RETRY_INITIAL_DELAY_MS, maxDelay: RETRY_MAX_DELAY_MS }),
    });
    this.readPolicy = this.compose('read', options.timeoutMs);
    this.writePolicy = this.compose('write', options.timeoutMs);
    this.breaker.onStateChange((state) => {
      this.lastTransitionAt = new Date(this.now());
      this.openedAt = state === CircuitState.Open || state === CircuitState.Isolated ? this.now() : null;
    });
    this.breaker.onFailure(({ handled, reason }) => {
      if (handled && 'error' in reason) {
        this.lastFailureAt = new Date(this.now());
        this.lastError = describeError(reason.error);
      }
    });
  }

  /**
   * `waitMs` is how long the service may hold this call on purpose (a search waiting for its job): every timeout
   * and the deadline of the call grow by it, so a wait is never mistaken for a slow service.
   */
  execute<T>(kind: CallKind, attempt: (context: AttemptContext) => Promise<T>, waitMs = 0): Promise<T> {
    // cockatiel parks calls behind a half-open probe until it settles; failing them fast keeps the
    // promise of an immediate 503 while the single probe decides.
    if (this.breaker.state === CircuitState.HalfOpen) {
      return Promise.reject(new BrokenCircuitError('Circuit half-open: a probe call is deciding'));
    }
    const attemptMs = this.options.timeoutMs + waitMs;
    const policy = waitMs > 0 ? this.compose(kind, attemptMs) : kind === 'read' ? this.readPolicy : this.writePolicy;
    return policy.execute(({ signal }) => attempt({ signal, deadline: new Date(this.now() + attemptMs) }));
  }

  get state(): BreakerStateName {
    switch (this.breaker.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'half_open';
      case CircuitState.Open:
      case CircuitState.Isolated:
        return 'open';
    }
  }

  /** Seconds until the breaker lets a probe through; at least 1 so clients never retry in a tight loop. */
  retryAfterSeconds(): number {
    if (this.openedAt === null) {
      return 1;
    }
    const remainingMs = this.openedAt + this.options.breakerHalfOpenMs - this.now();
    return Math.max(1, Math.ceil(remainingMs / 1000));
  }

  snapshot(): BreakerSnapshot {
    return {
      state: this.state,
      consecutive_failures: this.breakerCounter.state,
      failure_threshold: this.options.breakerThreshold,
      half_open_after_ms: this.options.breakerHalfOpenMs,
      last_transition_at: this.lastTransitionAt?.toISOString() ?? null,
      last_failure_at: this.lastFailureAt?.toISOString() ?? null,
      last_error: this.lastError,
      bulkhead: {
        limit: this.options.bulkheadLimit,
        queue: this.options.bulkheadQueue,
        active: this.options.bulkheadLimit - this.bulkhead.executionSlots,
        queued: this.options.bulkheadQueue - this.bulkhead.queueSlots,
      },
    };
  }

  /** Overall budget -> bulkhead -> retry (reads only) -> breaker -> per-attempt timeout, around shared state. */
  private compose(kind: CallKind, attemptMs: number): IPolicy {
    const attemptTimeout = deadline(attemptMs);
    if (kind === 'write') {
      return wrap(deadline(attemptMs), this.bulkhead, this.breaker, attemptTimeout);
    }
    const attempts = this.options.retryAttempts + 1;
    const budgetMs = attempts * attemptMs + this.options.retryAttempts * RETRY_MAX_DELAY_MS;
    return wrap(deadline(budgetMs), this.bulkhead, this.retries, this.breaker, attemptTimeout);
  }
}

export function isBreakerOpen(error: unknown): error is BrokenCircuitError {
  return error instanceof BrokenCircuitError;
}

export function isBulkheadFull(error: unknown): error is BulkheadRejectedError {
  return error instanceof BulkheadRejectedError;
}

export function isTimeout(error: unknown): error is TaskCancelledError {
  return error instanceof TaskCancelledError;
}

function describeError(error: unknown): string {
  if (isGrpcCallError(error)) {
    return error.details || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
