import type { PinCheckDto } from '@video-search/sdk/angular';
import { ApiError } from '../../core/http/api-error';
import { causeTitle, parseVideoIds, pinHealthSeries, pinRegressionReport } from './relevance';

describe('parseVideoIds', () => {
  it('reads ids separated by commas or spaces, in the order typed', () => {
    expect(parseVideoIds(' 12, 7 3,')).toEqual({ ids: [12, 7, 3], error: null });
  });

  it('explains what is wrong', () => {
    expect(parseVideoIds('  ').error).toBe('List at least one video id');
    expect(parseVideoIds('4, x1').error).toBe('"x1" is not a video id (a positive whole number)');
    expect(parseVideoIds('0').error).toMatch(/not a video id/);
    expect(parseVideoIds('4, 4').error).toBe('A video is listed twice');
    expect(parseVideoIds('1 2 3 4 5 6 7 8 9 10 11').error).toBe('Pin at most 10 videos');
  });
});

describe('pinRegressionReport', () => {
  const report = { pins: [], regressions: 1, improvements: 0, mrr_before: 1, mrr_after: 0.5 };

  it('reads the report of a 409 refusal', () => {
    expect(pinRegressionReport(new ApiError('worse', 409, null, { error: 'worse', report }))).toBe(report);
  });

  it('ignores other failures', () => {
    expect(pinRegressionReport(new ApiError('bad', 400, null, { error: 'bad', report }))).toBeNull();
    expect(pinRegressionReport(new ApiError('taken', 409, null, { error: 'taken' }))).toBeNull();
    expect(pinRegressionReport(new Error('x'))).toBeNull();
  });
});

describe('pinHealthSeries', () => {
  const check = (checked_at: string, mrr: number, recall: number) =>
    ({
      id: checked_at,
      checked_at,
      mrr,
      recall,
      pins: 1,
      regressions: 0,
      reason: 'manual',
      outcome: 'passed',
    }) as PinCheckDto;

  it('draws the checks oldest first as percentages', () => {
    const series = pinHealthSeries([check('2026-12-06T10:05:00Z', 0.5, 1), check('2026-12-05T09:00:00Z', 1, 0.333)]);
    expect(series.map((line) => line.name)).toEqual(['MRR', 'Recall']);
    expect(series[0].series).toEqual([
      { name: '12-05 09:00 #1', value: 100 },
      { name: '12-06 10:05 #2', value: 50 },
    ]);
    expect(series[1].series.map((point) => point.value)).toEqual([33.3, 100]);
  });
});

describe('causeTitle', () => {
  it('names each cause', () => {
    expect(causeTitle('typo_beyond_tolerance')).toBe('A typo beyond the tolerance');
  });
});
