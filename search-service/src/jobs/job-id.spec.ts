import { jobIdTime, newJobId } from './job-id';

describe('job ids', () => {
  it('are UUIDs of version 7 that carry the time they were made at', () => {
    const at = Date.UTC(2026, 10, 26, 10, 0, 0, 123);
    const id = newJobId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(jobIdTime(id)).toBe(at);
  });

  it('differ when made in the same millisecond', () => {
    const at = Date.now();
    expect(new Set(Array.from({ length: 100 }, () => newJobId(at))).size).toBe(100);
  });

  it('sort by the time they were made at', () => {
    const earlier = newJobId(Date.UTC(2026, 0, 1));
    const later = newJobId(Date.UTC(2026, 0, 1, 0, 0, 0, 1));
    expect(earlier < later).toBe(true);
  });

  it('tell no time for ids of another form, such as the random ones of older jobs', () => {
    expect(jobIdTime('0b6b1f4e-54f5-4a52-8a3b-1f7b0d1e9c2a')).toBeNull();
    expect(jobIdTime('not-a-job')).toBeNull();
  });
});
