import { canCancel, canReplay, canRetry } from './job-actions';

describe('job actions', () => {
  it('replays finished jobs only', () => {
    expect(canReplay('completed')).toBe(true);
    expect(canReplay('failed')).toBe(true);
    expect(canReplay('queued')).toBe(false);
    expect(canReplay('processing')).toBe(false);
  });

  it('retries failed or cancelled jobs and cancels running ones', () => {
    expect(canRetry('cancelled')).toBe(true);
    expect(canRetry('completed')).toBe(false);
    expect(canCancel('processing')).toBe(true);
  });
});
