import { errorRateSeries, requestSeries } from '../../ui/charts/usage-series';
import { endpointPoints, latencyPoints, searchRateSeries } from './chart-data';

describe('dashboard chart data', () => {
  const days = [
    {
      date: '2026-11-25',
      requests: 4,
      errors: 1,
      error_rate: 25,
      avg_latency_ms: 3,
      p90_latency_ms: 8,
      p95_latency_ms: 9,
    },
    {
      date: '2026-11-26',
      requests: 10,
      errors: 0,
      error_rate: 0,
      avg_latency_ms: 2,
      p90_latency_ms: 4,
      p95_latency_ms: 5,
    },
  ];

  it('builds request, error and error-rate series per day', () => {
    expect(requestSeries(days)).toEqual([
      {
        name: 'Requests',
        series: [
          { name: '11-25', value: 4 },
          { name: '11-26', value: 10 },
        ],
      },
      {
        name: 'Errors',
        series: [
          { name: '11-25', value: 1 },
          { name: '11-26', value: 0 },
        ],
      },
    ]);
    expect(errorRateSeries(days)[0].series.map((point) => point.value)).toEqual([25, 0]);
  });

  it('orders endpoints by traffic and keeps the busiest', () => {
    const endpoints = [
      { method: 'GET', route: '/a', requests: 1, errors: 0, error_rate: 0 },
      { method: 'POST', route: '/api/v1/users/:userId/search', requests: 9, errors: 0, error_rate: 0 },
      { method: 'GET', route: '/c', requests: 5, errors: 0, error_rate: 0 },
    ];
    expect(endpointPoints(endpoints, 2)).toEqual([
      { name: 'POST /users/:userId/search', value: 9 },
      { name: 'GET /c', value: 5 },
    ]);
  });

  it('trims empty latency buckets at both ends and labels the overflow bucket', () => {
    const histogram = [
      { le_ms: 1, count: 0 },
      { le_ms: 2, count: 3 },
      { le_ms: 4.52548, count: 0 },
      { le_ms: 1500, count: 1 },
      { le_ms: null, count: 2 },
    ];
    expect(latencyPoints(histogram)).toEqual([
      { name: '≤ 2 ms', value: 3 },
      { name: '≤ 4.5 ms', value: 0 },
      { name: '≤ 1.5 s', value: 1 },
      { name: '> 1.5 s', value: 2 },
    ]);
    expect(latencyPoints([{ le_ms: 1, count: 0 }])).toEqual([]);
  });

  it('turns daily search rates into percent series', () => {
    const stats = { clicks: 1, average_click_position: 2, searches: 4 };
    expect(
      searchRateSeries([
        { ...stats, date: '2026-11-25', click_through_rate: 0.25, no_result_rate: 0.125 },
        { ...stats, date: '2026-11-26', click_through_rate: 1, no_result_rate: 0 },
      ]),
    ).toEqual([
      {
        name: 'Click-through rate',
        series: [
          { name: '11-25', value: 25 },
          { name: '11-26', value: 100 },
        ],
      },
      {
        name: 'No-result rate',
        series: [
          { name: '11-25', value: 12.5 },
          { name: '11-26', value: 0 },
        ],
      },
    ]);
  });
});
