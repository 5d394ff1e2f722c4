import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { signedInApiTesting } from '../../../testing/api-testing';
import { SearchJob } from '../../core/api/api.types';
import { JobReplay } from '../../core/api/search.types';
import { NotifyService } from '../../core/notify/notify.service';
import { JobDetailsDialog } from './job-details.dialog';

const JOB: SearchJob = {
  job_id: 'job-1',
  status: 'completed',
  query: 'pasta',
  algorithm: 'auto',
  filters: { min_duration: 60 },
  result_count: 1,
  error: null,
  created_at: '2026-12-06T10:00:00Z',
  started_at: '2026-12-06T10:00:00Z',
  completed_at: '2026-12-06T10:00:01Z',
  duration_ms: 3,
  results: [],
};

const hit = (video_id: number, title: string, relevance_score: number) => ({
  video_id,
  title,
  relevance_score,
  matched_text: title,
  matched_fields: ['title' as const],
  moments: [],
});

const REPLAY: JobReplay = {
  job_id: 'job-1',
  query: 'pasta',
  completed_at: '2026-12-06T10:00:01Z',
  replayed_at: '2026-12-06T11:00:00Z',
  before: { results: [hit(1, 'Old pasta', 0.9), hit(2, 'Gone pasta', 0.5)], estimated_total_hits: 2 },
  after: { results: [hit(3, 'New pasta', 0.95), hit(1, 'Old pasta', 0.9)], estimated_total_hits: 2 },
  changes: [
    {
      video_id: 3,
      title: 'New pasta',
      change: 'new',
      before_position: null,
      after_position: 1,
      before_score: null,
      after_score: 0.95,
    },
    {
      video_id: 1,
      title: 'Old pasta',
      change: 'moved',
      before_position: 1,
      after_position: 2,
      before_score: 0.9,
      after_score: 0.9,
    },
    {
      video_id: 2,
      title: 'Gone pasta',
      change: 'lost',
      before_position: 2,
      after_position: null,
      before_score: 0.5,
      after_score: null,
    },
  ],
  summary: { moved: 1, new: 1, lost: 1, unchanged: 0 },
};

describe('JobDetailsDialog', () => {
  let backend: HttpTestingController;
  let notify: { success: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    notify = { success: vi.fn(), error: vi.fn() };
    backend = signedInApiTesting([
      { provide: NotifyService, useValue: notify },
      { provide: MAT_DIALOG_DATA, useValue: { jobId: 'job-1' } },
    ]);
  });

  afterEach(() => Reflect.deleteProperty(navigator, 'clipboard'));

  async function render() {
    const fixture = TestBed.createComponent(JobDetailsDialog);
    fixture.detectChanges();
    backend.expectOne('/api/v1/search/jobs/job-1/details').flush(JOB);
    await fixture.whenStable();
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await fixture.whenStable();
      fixture.detectChanges();
    };
    return { host, settle, button: (id: string) => host.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)! };
  }

  it('replays the job, shows the error and then the new results beside the old', async () => {
    const { host, settle, button } = await render();
    button('replay-job').click();
    await settle();
    expect(host.querySelector('[data-testid="replay-loading"]')).not.toBeNull();
    backend
      .expectOne('/api/v1/search/jobs/job-1/replay')
      .flush(
        { error: 'A processing job cannot be replayed until it finishes' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(host.querySelector('[data-testid="replay-error"]')?.textContent).toContain('cannot be replayed');

    host.querySelector<HTMLButtonElement>('[data-testid="replay-error"] button')!.click();
    backend.expectOne('/api/v1/search/jobs/job-1/replay').flush(REPLAY);
    await settle();
    expect(host.querySelector('[data-testid="replay-summary"]')?.textContent).toContain('1 moved, 1 new, 1 lost');
    const marks = [...host.querySelectorAll('[data-testid="replay-mark"]')].map((mark) => mark.textContent?.trim());
    expect(marks).toEqual(['lost (was 2)', 'new at 1', '↓ 1 → 2']);
  });

  it('copies the job as curl and as grpcurl, and shows the command', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { host, settle, button } = await render();

    button('copy-curl').click();
    await settle();
    const curl = writeText.mock.calls[0][0] as string;
    expect(curl).toContain(`${location.origin}/api/v1/users/9/search`);
    expect(curl).toContain('"filters":{"min_duration":60}');
    expect(host.querySelector('[data-testid="job-command"]')?.textContent).toBe(curl);
    expect(notify.success).toHaveBeenCalledWith('curl command copied');

    button('copy-grpcurl').click();
    await settle();
    expect(writeText.mock.calls[1][0]).toContain('"owner_id":9');
    expect(notify.success).toHaveBeenCalledWith('grpcurl command copied');
  });
});
