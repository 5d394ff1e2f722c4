import type { NoResultCauseDto, PinCheckDto, PinReportDto } from '@video-search/sdk/angular';
import { ApiError } from '../../core/http/api-error';
import { ChartSeries } from '../../ui/charts/chart-theme';

/** The gateway's bound (MAX_EXPECTED_VIDEOS): checked here so the form explains it before sending. */
export const MAX_PINNED_VIDEOS = 10;

export type VideoIdsInput = { ids: number[]; error: null } | { ids: null; error: string };

/** "12, 7 3" as video ids, in the order typed (an ordered pin keeps it). */
export function parseVideoIds(text: string): VideoIdsInput {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) {
    return { ids: null, error: 'List at least one video id' };
  }
  const bad = parts.find((part) => !/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 2_147_483_647);
  if (bad !== undefined) {
    return { ids: null, error: `"${bad}" is not a video id (a positive whole number)` };
  }
  const ids = parts.map(Number);
  if (new Set(ids).size !== ids.length) {
    return { ids: null, error: 'A video is listed twice' };
  }
  if (ids.length > MAX_PINNED_VIDEOS) {
    return { ids: null, error: `Pin at most ${MAX_PINNED_VIDEOS} videos` };
  }
  return { ids, error: null };
}

const CAUSE_TITLES: Record<NoResultCauseDto['code'], string> = {
  empty_library: 'The library is empty',
  all_stop_words: 'Every word is a stop word',
  stop_words_ignored: 'Stop words were dropped',
  words_absent: 'Words no video holds',
  typo_beyond_tolerance: 'A typo beyond the tolerance',
  filters_exclude_all: 'The filters exclude every match',
};

export function causeTitle(code: NoResultCauseDto['code']): string {
  return CAUSE_TITLES[code];
}

/** The pins' report of a settings change refused with 409 because it makes a pinned query worse. */
export function pinRegressionReport(error: unknown): PinReportDto | null {
  if (!(error instanceof ApiError) || error.status !== 409) {
    return null;
  }
  const body = error.body as { report?: PinReportDto } | null;
  return body && typeof body === 'object' && body.report && Array.isArray(body.report.pins) ? body.report : null;
}

/** The history comes newest first; the chart reads left to right, oldest first, as percentages. */
export function pinHealthSeries(checks: PinCheckDto[]): ChartSeries[] {
  const oldestFirst = [...checks].reverse();
  const label = (check: PinCheckDto, i: number) => `${check.checked_at.slice(5, 16).replace('T', ' ')} #${i + 1}`;
  const percent = (value: number) => Math.round(value * 1000) / 10;
  return [
    { name: 'MRR', series: oldestFirst.map((check, i) => ({ name: label(check, i), value: percent(check.mrr) })) },
    {
      name: 'Recall',
      series: oldestFirst.map((check, i) => ({ name: label(check, i), value: percent(check.recall) })),
    },
  ];
}
