import type { LoggedRequestDto } from '@video-search/sdk/angular';
import { EMPTY_FILTERS, matchesFilters, mergeTail, toRequestQuery } from './request-filters';

function request(id: string, status = 200, total = 10, extra: Partial<LoggedRequestDto> = {}): LoggedRequestDto {
  return {
    request_id: id,
    occurred_at: '2026-12-06T10:00:00.000Z',
    method: 'GET',
    route: '/api/v1/videos',
    status,
    api_key_id: null,
    timing: { total_ms: total, gateway_ms: total, search_service_ms: null },
    ...extra,
  };
}

describe('toRequestQuery', () => {
  it('leaves out blank fields', () => {
    expect(toRequestQuery(EMPTY_FILTERS)).toEqual({});
  });

  it('sends a status code as status and a class as status_class', () => {
    expect(toRequestQuery({ ...EMPTY_FILTERS, status: ' 404 ' })).toEqual({ status: 404 });
    expect(toRequestQuery({ ...EMPTY_FILTERS, status: '4XX' })).toEqual({ status_class: '4xx' });
    expect(toRequestQuery({ ...EMPTY_FILTERS, status: 'error' })).toEqual({ status_class: 'error' });
  });

  it('parses latencies, drops unparsable ones and turns local times into instants', () => {
    const from = '2026-12-06T10:30';
    expect(
      toRequestQuery(
        { ...EMPTY_FILTERS, apiKeyId: 'k1', route: ' /api/v1/x ', minLatencyMs: '5', maxLatencyMs: 'abc', from },
        'c1',
      ),
    ).toEqual({
      api_key_id: 'k1',
      route: '/api/v1/x',
      min_latency_ms: 5,
      start_date: new Date(from).toISOString(),
      cursor: 'c1',
    });
  });
});

describe('matchesFilters', () => {
  it('checks status class, code, key and latency bounds', () => {
    expect(matchesFilters(request('a', 404), { status_class: 'error' })).toBe(true);
    expect(matchesFilters(request('a', 200), { status_class: 'error' })).toBe(false);
    expect(matchesFilters(request('a', 503), { status_class: '5xx' })).toBe(true);
    expect(matchesFilters(request('a', 404), { status: 429 })).toBe(false);
    expect(matchesFilters(request('a', 200, 50), { min_latency_ms: 20, max_latency_ms: 60 })).toBe(true);
    expect(matchesFilters(request('a', 200, 70), { max_latency_ms: 60 })).toBe(false);
    expect(matchesFilters(request('a'), { api_key_id: 'k1' })).toBe(false);
  });
});

describe('mergeTail', () => {
  it('puts the batch on top newest first and skips requests already listed', () => {
    const listed = [request('b'), request('a')];
    const merged = mergeTail(listed, [request('b'), request('c'), request('d')]);
    expect(merged.map((r) => r.request_id)).toEqual(['d', 'c', 'b', 'a']);
  });
});
