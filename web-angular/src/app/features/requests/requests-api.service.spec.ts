import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { AlertsApiService } from './alerts-api.service';
import { RequestsApiService } from './requests-api.service';

describe('request explorer and alerts API services', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideHeyApiClient(client)],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists requests with the filters and cursor as query params', () => {
    TestBed.inject(RequestsApiService).list({ status_class: 'error', min_latency_ms: 5, cursor: 'c1' }).subscribe();
    const request = backend.expectOne((req) => req.url === '/api/v1/analytics/requests');
    expect(request.request.params.get('status_class')).toBe('error');
    expect(request.request.params.get('min_latency_ms')).toBe('5');
    expect(request.request.params.get('cursor')).toBe('c1');
    request.flush({ requests: [], next_cursor: null, retention_days: 7 });
  });

  it('unwraps the error groups and fetches one request by its id', () => {
    let groups: unknown[] = [];
    const api = TestBed.inject(RequestsApiService);
    api.errors({ route: '/api/v1/x' }).subscribe((answer) => (groups = answer));
    const errors = backend.expectOne((req) => req.url === '/api/v1/analytics/requests/errors');
    expect(errors.request.params.get('route')).toBe('/api/v1/x');
    errors.flush({ groups: [{ method: 'GET', route: '/api/v1/x', status: 404, count: 2, last_seen_at: 'now' }] });
    expect(groups).toHaveLength(1);

    api.get('abc-1').subscribe();
    backend.expectOne('/api/v1/analytics/requests/abc-1').flush({});
  });

  it('creates, lists and deletes alert rules and reads the events', () => {
    const api = TestBed.inject(AlertsApiService);
    api.create({ metric: 'quota_use', threshold: 80, window_minutes: 15 }).subscribe();
    const created = backend.expectOne('/api/v1/alerts');
    expect(created.request.method).toBe('POST');
    expect(created.request.body).toEqual({ metric: 'quota_use', threshold: 80, window_minutes: 15 });
    created.flush({});

    let rules: unknown[] = [];
    api.rules().subscribe((answer) => (rules = answer));
    backend.expectOne('/api/v1/alerts').flush({ rules: [{ id: 'r1' }] });
    expect(rules).toEqual([{ id: 'r1' }]);

    api.remove('r1').subscribe();
    const removed = backend.expectOne('/api/v1/alerts/r1');
    expect(removed.request.method).toBe('DELETE');
    removed.flush(null, { status: 204, statusText: 'No Content' });

    api.events().subscribe();
    const events = backend.expectOne((req) => req.url === '/api/v1/alerts/events');
    expect(events.request.params.get('limit')).toBe('20');
    events.flush({ events: [] });
  });
});
