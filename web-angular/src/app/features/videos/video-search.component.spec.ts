import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, Subject } from 'rxjs';
import { signedInApiTesting } from '../../../testing/api-testing';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { JobUpdate, LiveMode } from '../../core/realtime/realtime.types';
import { VideoSearchComponent } from './video-search.component';

describe('VideoSearchComponent', () => {
  let backend: HttpTestingController;
  let updates: Subject<JobUpdate>;

  beforeEach(() => {
    updates = new Subject<JobUpdate>();
    backend = signedInApiTesting([
      { provide: RealtimeService, useValue: { mode$: new BehaviorSubject<LiveMode>('socket'), jobUpdates$: updates } },
    ]);
  });

  function search(query: string) {
    const fixture = TestBed.createComponent(VideoSearchComponent);
    fixture.detectChanges();
    backend
      .expectOne('/api/v1/search/algorithms')
      .flush({ algorithms: [{ name: 'auto', description: 'Combined', is_default: true }] });
    const input: HTMLInputElement = fixture.nativeElement.querySelector('input[name="query"]');
    input.value = query;
    input.dispatchEvent(new Event('input'));
    fixture.nativeElement.querySelector('form').dispatchEvent(new Event('submit'));
    return fixture;
  }

  async function settle(fixture: ReturnType<typeof search>) {
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows ranked results with safe highlighting when the job finishes at once', async () => {
    const fixture = search('cook');
    const request = backend.expectOne('/api/v1/users/9/search');
    expect(request.request.body).toEqual({ query: 'cook' });
    request.flush({
      job_id: 'j1',
      status: 'completed',
      algorithm: 'auto',
      duration_ms: 3,
      result_count: 1,
      results: [
        {
          video_id: 1,
          title: 'Cooking 101',
          relevance_score: 0.87,
          matched_text: 'Learn <mark>cook</mark>ing <img src=x onerror="alert(1)">',
          matched_fields: ['title', 'captions'],
          moments: [{ start: 75, end: 78, t: '01:15', text: 'now we <mark>cook</mark> <b>it</b>' }],
        },
      ],
    });
    const element = await settle(fixture);
    const chip = element.querySelector('[data-testid="moment-chip"]');
    expect(chip?.querySelector('[data-testid="moment-time"]')?.textContent?.trim()).toBe('01:15');
    expect(chip?.querySelector('mark')?.textContent).toBe('cook');
    expect(chip?.querySelector('b')).toBeNull();
    expect(element.querySelector('.fields')?.textContent).toContain('captions');
    const snippet = element.querySelector('.snippet') as HTMLElement;
    expect(snippet.querySelector('mark')?.textContent).toBe('cook');
    expect(snippet.querySelector('img')).toBeNull();
    expect(element.querySelector('.score')?.textContent?.trim()).toBe('0.87');
  });

  it('follows a 202 job live until its results arrive', async () => {
    const fixture = search('slow query');
    backend
      .expectOne('/api/v1/users/9/search')
      .flush({ job_id: 'j2', status: 'queued' }, { status: 202, statusText: 'Accepted' });
    backend.expectOne('/api/v1/users/9/search/j2').flush({ job_id: 'j2', status: 'queued' });
    let element = await settle(fixture);
    expect(element.querySelector('[data-testid="search-live-status"]')?.textContent).toContain('queued');

    updates.next({ job_id: 'j2', status: 'processing' } as JobUpdate);
    element = await settle(fixture);
    expect(element.querySelector('[data-testid="search-live-status"]')?.textContent).toContain('processing');
    expect(element.querySelector('[data-testid="search-live-via"]')?.textContent).toContain('Socket.IO');

    updates.next({ job_id: 'j2', status: 'completed' } as JobUpdate);
    backend.expectOne('/api/v1/users/9/search/j2').flush({
      job_id: 'j2',
      status: 'completed',
      algorithm: 'auto',
      duration_ms: 40,
      error: null,
      results: [],
    });
    element = await settle(fixture);
    expect(element.querySelector('[data-testid="search-empty"]')).not.toBeNull();
  });

  it('explains a failure such as an open circuit breaker', async () => {
    const fixture = search('cook');
    backend
      .expectOne('/api/v1/users/9/search')
      .flush(
        { error: 'Search service unavailable', retry_after: 5 },
        { status: 503, statusText: 'Service Unavailable', headers: { 'Retry-After': '5' } },
      );
    const element = await settle(fixture);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Search service unavailable (retry in 5 s)');
  });
});
