/**
 * Delay before attempt number `attempts + 1`: base * 2^(attempts-1), jittered to 50-100 %, capped at 6 h.
 * `random` is injectable for tests.
 */
export function webhookRetryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
  return Math.round(exponential * (0.5 + random() * 0.5));
}
