import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { BehaviorSubject, Subject } from 'rxjs';
import { SearchJob } from '../../core/api/api.types';
import { NotifyService } from '../../core/notify/notify.service';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { JobUpdate, LiveMode } from '../../core/realtime/realtime.types';
import { JOBS_POLL_MS, SearchJobsComponent } from './search-jobs.component';

function job(id: string, status: SearchJob['status']): SearchJob {
  return {
    job_id: id,
    status,
    query: `query ${id}`,
    algorithm: 'auto',
    filters: null,
    result_count: 0,
    error: null,
    created_at: '2026-11-26T10:00:00Z',
    started_at: null,
    completed_at: null,
    duration_ms: null,
  };
}

describe('SearchJobsComponent', () => {
  let mode: BehaviorSubject<LiveMode>;
  let updates: Subject<JobUpdate>;
  let backend: HttpTestingController;
  let notify: { success: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    vi.useFakeTimers();
    mode = new BehaviorSubject<LiveMode>('socket');
    updates = new Subject<JobUpdate>();
    notify = { success: vi.fn(), error: vi.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
        { provide: NotifyService, useValue: notify },
        {
          provide: RealtimeService,
          useValue: { mode: () => mode.value, mode$: mode, jobUpdates$: updates },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => vi.useRealTimers());

  const listRequests = (): TestRequest[] => backend.match((req) => req.url === '/api/v1/search/jobs');

  async function render(jobs: SearchJob[]) {
    const fixture = TestBed.createComponent(SearchJobsComponent);
    fixture.detectChanges();
    await vi.advanceTimersByTimeAsync(0);
    const [request] = listRequests();
    expect(request.request.params.get('page')).toBe('1');
    request.flush({ jobs, pagination: { page: 1, per_page: 10, total: jobs.length, pages: 1 } });
    await vi.advanceTimersByTimeAsync(0);
    fixture.detectChanges();
    return fixture;
  }

  const statusOf = (element: HTMLElement, id: string) =>
    element.querySelector(`[data-job-id="${id}"] [data-status]`)?.getAttribute('data-status');

  it('patches a row from a socket update and toasts when the job completes', async () => {
    const fixture = await render([job('a', 'processing')]);
    const element: HTMLElement = fixture.nativeElement;
    expect(statusOf(element, 'a')).toBe('processing');

    updates.next({ job_id: 'a', status: 'completed', result_count: 3, duration_ms: 12 } as JobUpdate);
    await vi.advanceTimersByTimeAsync(0);
    fixture.detectChanges();

    expect(statusOf(element, 'a')).toBe('completed');
    expect(notify.success).toHaveBeenCalledWith('Search “query a” completed');
    expect(notify.success).toHaveBeenCalledTimes(1);
    expect(listRequests()).toHaveLength(0);
  });

  it('does not poll while the socket is live', async () => {
    await render([]);
    await vi.advanceTimersByTimeAsync(JOBS_POLL_MS * 3);
    expect(listRequests()).toHaveLength(0);
  });

  it('polls while the socket is down and toasts a failure seen by polling', async () => {
    mode.next('polling');
    const fixture = await render([job('b', 'queued')]);

    await vi.advanceTimersByTimeAsync(JOBS_POLL_MS + 50);
    const [poll] = listRequests();
    poll.flush({ jobs: [job('b', 'failed')], pagination: { page: 1, per_page: 10, total: 1, pages: 1 } });
    await vi.advanceTimersByTimeAsync(0);
    fixture.detectChanges();

    expect(statusOf(fixture.nativeElement, 'b')).toBe('failed');
    expect(notify.error).toHaveBeenCalledWith('Search “query b” failed');
    expect(fixture.nativeElement.querySelector('[data-testid="jobs-live-mode"]').textContent).toContain('Polling');
  });

  it('reloads once when updates arrive for jobs not on the page', async () => {
    await render([]);
    updates.next({ job_id: 'new1', status: 'queued' } as JobUpdate);
    updates.next({ job_id: 'new1', status: 'processing' } as JobUpdate);
    await vi.advanceTimersByTimeAsync(400);
    expect(listRequests()).toHaveLength(1);
  });

  it('sends the filters to the API', async () => {
    const fixture = await render([]);
    const component = fixture.componentInstance as unknown as {
      filters: { setValue(value: object): void };
      applyFilters(): void;
    };
    component.filters.setValue({ status: 'failed', q: ' cats ', start_date: '2026-11-01', end_date: '' });
    component.applyFilters();
    fixture.detectChanges();
    await vi.advanceTimersByTimeAsync(0);
    const [request] = listRequests();
    expect(request.request.params.get('status')).toBe('failed');
    expect(request.request.params.get('q')).toBe('cats');
    expect(request.request.params.get('start_date')).toBe('2026-11-01');
    expect(request.request.params.has('end_date')).toBe(false);
  });
});
