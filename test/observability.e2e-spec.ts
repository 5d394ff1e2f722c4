import request from 'supertest';
import {
  RunningSearchService,
  freePort,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, search, searchIds } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

/** JSON log lines of a process's output (anything else, e.g. a stack trace on stderr, is skipped). */
function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Logs and metrics of the built services, run as child processes. */
describe('observability', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let user: ApiUser;
  let metricsUrl: string;

  beforeAll(async () => {
    const metricsPort = await freePort();
    metricsUrl = `http://127.0.0.1:${metricsPort}`;
    searchService = await startSearchService({ env: { METRICS_PORT: String(metricsPort), LOG_LEVEL: 'info' } });
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      env: { LOG_LEVEL: 'info' },
    });
    user = await register(gateway.url);
    await createVideo(gateway.url, user, { title: 'Volcano eruption close-up' });
    await waitFor('the video to be indexed', async () => {
      const ids = await searchIds(gateway.url, user, 'volcano');
      return ids?.length === 1 ? ids : undefined;
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
  });

  it("carries the caller's request id from the REST request into the search service's logs", async () => {
    const response = await search(gateway.url, user, { query: 'volcano' }, { 'X-Request-Id': 'e2e-trace-0042' });
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toBe('e2e-trace-0042');

    const gatewayLine = await waitFor('the gateway to log the request', () =>
      Promise.resolve(
        logLines(gateway.output()).find((line) => line.reqId === 'e2e-trace-0042' && line.res !== undefined),
      ),
    );
    expect(gatewayLine).toMatchObject({ service: 'gateway', level: 30, res: { statusCode: 200 } });

    const searchLines = await waitFor('the search service to log the calls', () => {
      const lines = logLines(searchService.output()).filter((line) => line.reqId === 'e2e-trace-0042');
      return Promise.resolve(lines.length >= 1 ? lines : undefined);
    });
    expect(searchLines.map((line) => line.method)).toContain('SearchService/Search');
    expect(searchLines.every((line) => line.service === 'search-service' && line.code === 'OK')).toBe(true);
  });

  it('generates an id when the caller sends none or an unsafe one', async () => {
    const none = await api(gateway.url, 'GET', '/search/algorithms', { token: user.token });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await api(gateway.url, 'GET', '/search/algorithms', {
      token: user.token,
      headers: { 'X-Request-Id': 'x'.repeat(200) },
    });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never logs credentials', async () => {
    await api(gateway.url, 'GET', '/auth/me', { token: user.token, headers: { 'X-Request-Id': 'e2e-secret-check' } });
    await waitFor('the request to be logged', () =>
      Promise.resolve(logLines(gateway.output()).find((line) => line.reqId === 'e2e-secret-check')),
    );
    expect(gateway.output()).not.toContain(user.token);
    expect(gateway.output()).not.toContain('correct horse battery');
    expect(searchService.output()).not.toContain(searchService.token);
  });

  it('serves gateway metrics at /metrics: public, not rate-limited, not in the request log', async () => {
    const response = await request(gateway.url).get('/metrics').timeout(10_000);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(
      /^text\/plain; version=0\.0\.4|^text\/plain; charset=utf-8; version=0\.0\.4/,
    );
    expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    const text = response.text;
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'grpc_client_calls_total',
      'grpc_client_call_duration_seconds_bucket',
      'search_circuit_breaker_state',
      'search_bulkhead_active_calls',
      'search_bulkhead_queued_calls',
      'outbox_pending_events',
      'outbox_lag_seconds',
      'process_cpu_seconds_total',
    ]) {
      expect(text).toContain(`\n${name}`);
    }
    expect(text).toMatch(
      /http_requests_total\{method="POST",route="\/api\/v1\/users\/:userId\/search",status_class="2xx"\} \d+/,
    );
    expect(text).toMatch(/grpc_client_calls_total\{method="SearchService\/Search",code="OK"\} \d+/);
    expect(text).toContain('search_circuit_breaker_state{state="closed"} 1');

    // The request log (analytics) only counts API routes: scrapes never show up as usage.
    await request(gateway.url).get('/metrics').timeout(10_000);
    const endpoints = await waitFor('usage to include the searches', async () => {
      const usage = await api(gateway.url, 'GET', '/analytics/usage/endpoints', { token: user.token });
      return usage.status === 200 && usage.body.endpoints.length > 0 ? usage.body.endpoints : undefined;
    });
    expect((endpoints as Array<{ route: string }>).map((endpoint) => endpoint.route)).not.toContain('/metrics');
  });

  it('serves search-service metrics on METRICS_PORT', async () => {
    const response = await request(metricsUrl).get('/metrics').timeout(10_000);
    expect(response.status).toBe(200);
    for (const name of [
      'grpc_server_handled_total',
      'grpc_server_handling_seconds_bucket',
      'search_jobs_queued',
      'search_jobs_processing',
      'search_workers_busy',
      'search_job_duration_seconds_bucket',
      'search_index_documents',
      'search_index_vocabulary_terms',
      'process_resident_memory_bytes',
    ]) {
      expect(response.text).toContain(`\n${name}`);
    }
    expect(response.text).toMatch(/grpc_server_handled_total\{method="SearchService\/Search",code="OK"\} \d+/);
    expect(response.text).toContain('search_index_documents 1');
    expect((await request(metricsUrl).get('/other').timeout(10_000)).status).toBe(404);
  });
});
