import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { ImportsApiService } from '../../features/imports/imports-api.service';
import { AnalyticsApiService } from './analytics-api.service';
import { SearchApiService } from './search-api.service';
import { VideosApiService } from './videos-api.service';

describe('API services', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideHeyApiClient(client)],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('lists videos with only the filters that are set', () => {
    TestBed.inject(VideosApiService)
      .list(4, { page: 2, per_page: 20, sort: 'title', order: 'asc', q: 'cook', tag: '', min_duration: null })
      .subscribe();
    const request = backend.expectOne((req) => req.url === '/api/v1/users/4/videos');
    expect(request.request.params.keys().sort()).toEqual(['order', 'page', 'per_page', 'q', 'sort']);
    expect(request.request.params.get('q')).toBe('cook');
    request.flush({ videos: [], pagination: { page: 2, per_page: 20, total: 0, pages: 0 } });
  });

  it('asks for an immediate answer with Prefer: wait=0', () => {
    TestBed.inject(SearchApiService).submit(4, { query: 'cats' }, 0).subscribe();
    const request = backend.expectOne('/api/v1/users/4/search');
    expect(request.request.headers.get('Prefer')).toBe('wait=0');
    expect(request.request.body).toEqual({ query: 'cats' });
    request.flush({ job_id: 'j1', status: 'queued' }, { status: 202, statusText: 'Accepted' });
  });

  it('unwraps the algorithm list', () => {
    let names: string[] = [];
    TestBed.inject(SearchApiService)
      .algorithms()
      .subscribe((algorithms) => (names = algorithms.map((a) => a.name)));
    backend
      .expectOne('/api/v1/search/algorithms')
      .flush({ algorithms: [{ name: 'auto', description: 'best', is_default: true }] });
    expect(names).toEqual(['auto']);
  });

  it('downloads an export with the file name from Content-Disposition', () => {
    let filename = '';
    TestBed.inject(AnalyticsApiService)
      .export('csv', 'usage', { start_date: '2026-11-01', end_date: '2026-11-26' })
      .subscribe((file) => (filename = file.filename));
    const request = backend.expectOne((req) => req.url === '/api/v1/analytics/export');
    expect(request.request.params.get('format')).toBe('csv');
    expect(request.request.params.get('type')).toBe('usage');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['a,b\n']), {
      headers: { 'Content-Disposition': 'attachment; filename="usage-2026-11-01-2026-11-26.csv"' },
    });
    expect(filename).toBe('usage-2026-11-01-2026-11-26.csv');
  });

  it('uploads an import as the raw file with its type and idempotency key', () => {
    const file = new Blob(['title\nA\n'], { type: 'text/csv' });
    TestBed.inject(ImportsApiService).upload(4, file, 'csv', 'key-1').subscribe();
    const request = backend.expectOne((req) => req.url === '/api/v1/users/4/videos/import');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toBe(file);
    expect(request.request.params.get('format')).toBe('csv');
    expect(request.request.headers.get('Content-Type')).toBe('text/csv');
    expect(request.request.headers.get('Idempotency-Key')).toBe('key-1');
    expect(request.request.reportProgress).toBe(true);
    request.flush({ id: 1, status: 'processing' }, { status: 202, statusText: 'Accepted' });
  });
});
