import { BadRequestException } from '@nestjs/common';
import { daysIn, parseDateRange } from './date-range';
import { segmentsFor } from './rollups/rollup-buckets';

describe('parseDateRange', () => {
  const now = new Date('2026-11-26T10:00:00.000Z');

  it('defaults to the last 30 days including today', () => {
    const range = parseDateRange(undefined, undefined, now);
    expect(range.start.toISOString()).toBe('2026-10-28T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    expect([range.startLabel, range.endLabel]).toEqual(['2026-10-28', '2026-11-26']);
    expect(daysIn(range)).toHaveLength(30);
  });

  it('treats a bare end date as inclusive', () => {
    const range = parseDateRange('2026-11-01', '2026-11-01', now);
    expect(range.end.toISOString()).toBe('2026-11-02T00:00:00.000Z');
    expect(daysIn(range)).toEqual(['2026-11-01']);
  });

  it('accepts ISO timestamps as exact instants', () => {
    const range = parseDateRange('2026-11-01T10:30:00Z', '2026-11-02T00:00:00+02:00', now);
    expect(range.start.toISOString()).toBe('2026-11-01T10:30:00.000Z');
    expect(range.end.toISOString()).toBe('2026-11-01T22:00:00.000Z');
  });

  it.each([
    ['2026-11-10', '2026-11-09', 'end_date must not be before start_date'],
    ['2025-01-01', '2026-11-01', 'Date range must not exceed 366 days'],
    ['2026-02-30', undefined, 'start_date must be a date'],
    ['yesterday', undefined, 'start_date must be a date'],
    [undefined, '2026-13-01', 'end_date must be a date'],
  ])('rejects start %s, end %s', (start, end, message) => {
    expect(() => parseDateRange(start, end, now)).toThrow(BadRequestException);
    expect(() => parseDateRange(start, end, now)).toThrow(message);
  });

  it('accepts exactly 366 days', () => {
    expect(() => parseDateRange('2026-01-01', '2027-01-01', now)).not.toThrow();
  });
});

describe('segmentsFor', () => {
  it('uses only daily rollups for a day-aligned range', () => {
    expect(segmentsFor(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-03T00:00:00Z'))).toEqual([
      { granularity: 'day', from: '2026-11-01', to: '2026-11-03' },
    ]);
  });

  it('covers partial edge days with minute rollups', () => {
    expect(segmentsFor(new Date('2026-11-01T22:30:10Z'), new Date('2026-11-04T01:15:00Z'))).toEqual([
      { granularity: 'minute', from: '2026-11-01T22:30', to: '2026-11-02T00:00' },
      { granularity: 'day', from: '2026-11-02', to: '2026-11-04' },
      { granularity: 'minute', from: '2026-11-04T00:00', to: '2026-11-04T01:15' },
    ]);
  });

  it('uses minute rollups alone inside one day', () => {
    expect(segmentsFor(new Date('2026-11-01T10:00:00Z'), new Date('2026-11-01T10:00:30Z'))).toEqual([
      { granularity: 'minute', from: '2026-11-01T10:00', to: '2026-11-01T10:01' },
    ]);
  });
});
