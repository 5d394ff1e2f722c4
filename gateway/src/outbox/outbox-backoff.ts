const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60 * 1000;

/**
 * Delay before the next delivery attempt after `attempts` failures: exponential from 1 s,
 * capped at 5 min, with full jitter so many events failing together do not retry in lockstep.
 */
export function nextAttemptDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
