/**
 * Rollup bucket keys are UTC strings that sort in time order on every database:
 * minutes as `YYYY-MM-DDTHH:MM`, days as `YYYY-MM-DD`.
 */
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export function minuteKey(at: Date): string {
  return at.toISOString().slice(0, 16);
}

export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function floorToMinute(at: Date): Date {
  return new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS);
}

export function ceilToMinute(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / MINUTE_MS) * MINUTE_MS);
}

export function floorToDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function ceilToDay(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / DAY_MS) * DAY_MS);
}

export type RollupGranularity = 'minute' | 'day';

/** A half-open range [from, to) of bucket keys in one rollup table. */
export interface RollupSegment {
  granularity: RollupGranularity;
  from: string;
  to: string;
}

/**
 * Covers [start, end) with daily rollups for the whole days inside it and minute rollups for
 * the partial days at either edge, so a day-aligned range touches only the small daily table.
 * Edges are widened to whole minutes, the finest grain stored.
 */
export function segmentsFor(start: Date, end: Date): RollupSegment[] {
  const from = floorToMinute(start);
  const to = ceilToMinute(end);
  if (to <= from) {
    return [];
  }
  const firstWholeDay = ceilToDay(from);
  const lastWholeDayEnd = floorToDay(to);
  if (firstWholeDay >= lastWholeDayEnd) {
    return [minuteSegment(from, to)];
  }
  const segments: RollupSegment[] = [];
  if (from < firstWholeDay) {
    segments.push(minuteSegment(from, firstWholeDay));
  }
  segments.push({ granularity: 'day', from: dayKey(firstWholeDay), to: dayKey(lastWholeDayEnd) });
  if (lastWholeDayEnd < to) {
    segments.push(minuteSegment(lastWholeDayEnd, to));
  }
  return segments;
}

function minuteSegment(from: Date, to: Date): RollupSegment {
  return { granularity: 'minute', from: minuteKey(from), to: minuteKey(to) };
}
