import { secondsUntilReset, windowFor } from './quota-windows';

describe('quota windows', () => {
  const at = (iso: string): Date => new Date(iso);

  it('starts a minute window on the minute and resets on the next', () => {
    const window = windowFor('minute', at('2026-11-26T10:42:59.999Z'));
    expect(window.id).toBe('202611261042');
    expect(window.startsAt.toISOString()).toBe('2026-11-26T10:42:00.000Z');
    expect(window.resetsAt.toISOString()).toBe('2026-11-26T10:43:00.000Z');
    expect(windowFor('minute', at('2026-11-26T10:43:00.000Z')).id).toBe('202611261043');
  });

  it('rolls the minute window over midnight and the year end', () => {
    const window = windowFor('minute', at('2026-12-31T23:59:30.000Z'));
    expect(window.resetsAt.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('counts a day in UTC and resets at the next UTC midnight', () => {
    const window = windowFor('day', at('2026-11-26T23:59:59.999Z'));
    expect(window.id).toBe('20261126');
    expect(window.resetsAt.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect(windowFor('day', at('2026-11-27T00:00:00.000Z')).id).toBe('20261127');
  });

  it('resets a month on the first of the next month, across short months and the year end', () => {
    expect(windowFor('month', at('2026-02-28T12:00:00.000Z')).resetsAt.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(windowFor('month', at('2028-02-29T12:00:00.000Z')).resetsAt.toISOString()).toBe('2028-03-01T00:00:00.000Z');
    const december = windowFor('month', at('2026-12-31T23:59:59.000Z'));
    expect(december.id).toBe('202612');
    expect(december.startsAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(december.resetsAt.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('rounds the wait up to whole seconds and never answers zero', () => {
    const now = at('2026-11-26T10:42:58.200Z');
    expect(secondsUntilReset(windowFor('minute', now), now)).toBe(2);
    const edge = at('2026-11-26T10:42:59.999Z');
    expect(secondsUntilReset(windowFor('minute', edge), edge)).toBe(1);
  });
});
