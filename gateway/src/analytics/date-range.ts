import { BadRequestException } from '@nestjs/common';
import { DAY_MS, dayKey, floorToDay } from './rollups/rollup-buckets';

export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A half-open UTC interval [start, end) with the labels the API echoes back. */
export interface DateRange {
  start: Date;
  end: Date;
  startLabel: string;
  endLabel: string;
}

/**
 * Reads `start_date` / `end_date`. A bare date means the whole UTC day, so an end date is
 * inclusive; a timestamp is an exact instant. Defaults to the last 30 days, today included.
 */
export function parseDateRange(startRaw: string | undefined, endRaw: string | undefined, now: Date): DateRange {
  const startInput = startRaw === undefined ? null : parseBound(startRaw, 'start_date', 'start');
  const endInput = endRaw === undefined ? null : parseBound(endRaw, 'end_date', 'end');
  const end = endInput?.at ?? new Date(floorToDay(now).getTime() + DAY_MS);
  const start = startInput?.at ?? new Date(end.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  if (end.getTime() <= start.getTime()) {
    throw new BadRequestException('end_date must not be before start_date');
  }
  if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new BadRequestException(`Date range must not exceed ${MAX_RANGE_DAYS} days`);
  }
  return {
    start,
    end,
    startLabel: startInput?.label ?? dayKey(start),
    endLabel: endInput?.label ?? dayKey(new Date(end.getTime() - 1)),
  };
}

/** Every UTC day the range touches, oldest first. */
export function daysIn(range: DateRange): string[] {
  const days: string[] = [];
  for (let at = floorToDay(range.start).getTime(); at < range.end.getTime(); at += DAY_MS) {
    days.push(dayKey(new Date(at)));
  }
  return days;
}

function parseBound(raw: string, name: string, side: 'start' | 'end'): { at: Date; label: string } {
  const value = raw.trim();
  if (DATE_ONLY.test(value)) {
    const at = new Date(`${value}T00:00:00.000Z`);
    if (Number.isNaN(at.getTime()) || dayKey(at) !== value) {
      throw invalid(name, raw);
    }
    return { at: side === 'start' ? at : new Date(at.getTime() + DAY_MS), label: value };
  }
  if (DATE_TIME.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) {
      throw invalid(name, raw);
    }
    return { at, label: at.toISOString() };
  }
  throw invalid(name, raw);
}

function invalid(name: string, raw: string): BadRequestException {
  return new BadRequestException(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 timestamp, got "${raw}"`);
}
