import { nextAttemptDelayMs } from './outbox-backoff';

describe('nextAttemptDelayMs', () => {
  it('doubles with each failure, between half and all of the ceiling', () => {
    expect(nextAttemptDelayMs(1, () => 0)).toBe(500);
    expect(nextAttemptDelayMs(1, () => 1)).toBe(1000);
    expect(nextAttemptDelayMs(4, () => 1)).toBe(8000);
  });

  it('is capped at five minutes', () => {
    expect(nextAttemptDelayMs(30, () => 1)).toBe(300_000);
  });
});
