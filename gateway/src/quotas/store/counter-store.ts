/** One fixed-window counter to bump, with the limit that rejects the request past it. */
export interface CounterIncrement {
  key: string;
  limit: number;
  expiresAt: Date;
}

/**
 * Fixed-window counters shared by every request of a subject. `increment` bumps the counters in
 * order and stops after the first that goes over its limit, so a request refused by the
 * per-minute limit is not charged to the daily or monthly quota.
 */
export interface CounterStore {
  increment(counters: readonly CounterIncrement[]): Promise<number[]>;
  read(keys: readonly string[]): Promise<number[]>;
}

export const COUNTER_STORE = Symbol('COUNTER_STORE');
