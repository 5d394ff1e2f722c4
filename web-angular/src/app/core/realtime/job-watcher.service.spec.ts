import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { BehaviorSubject, Subject } from 'rxjs';
import { SearchJob, SearchResult } from '../api/api.types';
import { JOB_POLL_INTERVAL_MS, JobProgress, JobWatcherService } from './job-watcher.service';
import { RealtimeService } from './realtime.service';
import { JobUpdate, LiveMode } from './realtime.types';

function job(status: SearchJob['status'], extra: Partial<SearchJob> = {}): SearchJob {
  return {
    job_id: 'j1',
    status,
    query: 'cats',
    algorithm: 'auto',
    filters: null,
    result_count: 0,
    error: null,
    created_at: '2026-11-26T10:00:00Z',
    started_at: null,
    completed_at: null,
    duration_ms: null,
    ...extra,
  };
}

describe('JobWatcherService', () => {
  let mode: BehaviorSubject<LiveMode>;
  let updates: Subject<JobUpdate>;
  let backend: HttpTestingController;

  beforeEach(() => {
    vi.useFakeTimers();
    mode = new BehaviorSubject<LiveMode>('socket');
    updates = new Subject<JobUpdate>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideHeyApiClient(client),
        { provide: RealtimeService, useValue: { mode$: mode, jobUpdates$: updates } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  it('follows socket pushes, then fetches the finished job with its results', () => {
    const steps: JobProgress[] = [];
    let completed = false;
    TestBed.inject(JobWatcherService)
      .watch(5, 'j1')
      .subscribe({ next: (step) => steps.push(step), complete: () => (completed = true) });
    backend.expectOne('/api/v1/users/5/search/j1').flush(job('queued'));

    updates.next({ job_id: 'other', status: 'completed' } as JobUpdate);
    updates.next({ job_id: 'j1', status: 'processing' } as JobUpdate);
    updates.next({ job_id: 'j1', status: 'completed' } as JobUpdate);
    const results: SearchResult[] = [
      {
        video_id: 1,
        title: 'Cats',
        relevance_score: 1,
        matched_text: '<mark>Cats</mark>',
        matched_fields: ['title'],
        moments: [],
      },
    ];
    backend.expectOne('/api/v1/users/5/search/j1').flush(job('completed', { results, result_count: 1 }));

    expect(steps.map((step) => `${step.via}:${step.status}`)).toEqual([
      'polling:queued',
      'socket:processing',
      'socket:completed',
      'socket:completed',
    ]);
    expect(steps.at(-1)?.job?.results).toEqual(results);
    expect(completed).toBe(true);
  });

  it('polls while the socket is down', () => {
    mode.next('polling');
    const steps: JobProgress[] = [];
    TestBed.inject(JobWatcherService)
      .watch(5, 'j1')
      .subscribe((step) => steps.push(step));
    backend.expectOne('/api/v1/users/5/search/j1').flush(job('queued'));

    vi.advanceTimersByTime(JOB_POLL_INTERVAL_MS);
    backend.expectOne('/api/v1/users/5/search/j1').flush(job('processing'));
    vi.advanceTimersByTime(JOB_POLL_INTERVAL_MS);
    backend.expectOne('/api/v1/users/5/search/j1').flush(job('failed', { error: 'index unavailable' }));
    vi.advanceTimersByTime(JOB_POLL_INTERVAL_MS * 3);

    expect(steps.map((step) => step.status)).toEqual(['queued', 'processing', 'failed']);
    expect(steps.at(-1)?.job?.error).toBe('index unavailable');
  });

  it('ends at once when the job had already finished', () => {
    const steps: JobProgress[] = [];
    TestBed.inject(JobWatcherService)
      .watch(5, 'j1')
      .subscribe((step) => steps.push(step));
    backend.expectOne('/api/v1/users/5/search/j1').flush(job('completed', { results: [] }));
    expect(steps).toHaveLength(1);
    expect(steps[0].job?.status).toBe('completed');
  });
});
