import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { debounceTime, Observable, Subject } from 'rxjs';
import { JOB_STATUSES, JobListQuery, JobStatus, SearchJob } from '../../core/api/api.types';
import { SearchApiService } from '../../core/api/search-api.service';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { JobTransition, JobTransitionTracker, pollWhileOffline } from '../../core/realtime/live-fallback';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { JobUpdate } from '../../core/realtime/realtime.types';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { JobStatusChipComponent } from '../../ui/status/job-status-chip.component';
import { canCancel, canRetry } from './job-actions';
import { JobDetailsData, JobDetailsDialog } from './job-details.dialog';

export const JOBS_POLL_MS = 5000;

/** Search jobs table: live over Socket.IO, polled while the socket is down, with a toast when a job ends. */
@Component({
  selector: 'app-search-jobs',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    DecimalPipe,
    MatTableModule,
    MatPaginatorModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    AsyncStateComponent,
    JobStatusChipComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './search-jobs.component.html',
  styleUrl: './search-jobs.component.scss',
})
export class SearchJobsComponent {
  private readonly api = inject(SearchApiService);
  private readonly notify = inject(NotifyService);
  private readonly dialog = inject(MatDialog);
  private readonly tracker = new JobTransitionTracker();
  private readonly newJobSeen = new Subject<void>();
  protected readonly realtime = inject(RealtimeService);

  protected readonly statuses = JOB_STATUSES;
  protected readonly pollSeconds = JOBS_POLL_MS / 1000;
  protected readonly columns = ['status', 'query', 'algorithm', 'result_count', 'duration_ms', 'created_at', 'actions'];
  protected readonly query = signal<JobListQuery>({ page: 1, per_page: 10 });
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly filters = this.fb.group({
    status: this.fb.control<JobStatus | ''>(''),
    q: [''],
    start_date: [''],
    end_date: [''],
  });
  protected readonly jobs = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.listJobs(params),
  });
  protected readonly rows = computed(() => (this.jobs.hasValue() ? this.jobs.value().jobs : []));
  protected readonly total = computed(() => (this.jobs.hasValue() ? this.jobs.value().pagination.total : 0));
  protected readonly error = computed(() => (this.jobs.error() ? errorMessage(this.jobs.error()) : null));
  protected readonly lastUpdate = signal<{ at: Date; via: 'socket' | 'polling' } | null>(null);
  protected readonly acting = signal<string | null>(null);
  protected readonly canRetry = canRetry;
  protected readonly canCancel = canCancel;

  constructor() {
    effect(() => {
      if (this.jobs.hasValue()) {
        const jobs = this.jobs.value().jobs;
        untracked(() => this.announce(this.tracker.observe(jobs)));
      }
    });
    this.realtime.jobUpdates$.pipe(takeUntilDestroyed()).subscribe((update) => this.applyUpdate(update));
    pollWhileOffline(this.realtime.mode$, JOBS_POLL_MS)
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.lastUpdate.set({ at: new Date(), via: 'polling' });
        this.jobs.reload();
      });
    // A burst of events for jobs not on screen triggers one reload, not one per event.
    this.newJobSeen.pipe(debounceTime(300), takeUntilDestroyed()).subscribe(() => this.jobs.reload());
  }

  protected applyFilters(): void {
    const raw = this.filters.getRawValue();
    this.query.set({ page: 1, per_page: this.query().per_page, ...raw, q: raw.q.trim() });
  }

  protected clearFilters(): void {
    this.filters.reset();
    this.applyFilters();
  }

  protected changePage(event: PageEvent): void {
    this.query.update((query) => ({ ...query, page: event.pageIndex + 1, per_page: event.pageSize }));
  }

  protected openDetails(job: SearchJob): void {
    this.dialog
      .open<JobDetailsDialog, JobDetailsData>(JobDetailsDialog, {
        data: { jobId: job.job_id },
        width: '760px',
        // Material caps dialogs at 560px; the replay's two columns need the width asked for.
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe(() => this.jobs.reload());
  }

  protected retry(job: SearchJob): void {
    this.act(job, this.api.retry(job.job_id), 'Job queued again');
  }

  protected cancel(job: SearchJob): void {
    this.act(job, this.api.cancel(job.job_id), 'Job cancelled');
  }

  private act(job: SearchJob, request: Observable<SearchJob>, done: string): void {
    this.acting.set(job.job_id);
    request.subscribe({
      next: () => {
        this.notify.success(done);
        this.acting.set(null);
        this.jobs.reload();
      },
      error: (error: unknown) => {
        this.notify.error(errorMessage(error));
        this.acting.set(null);
      },
    });
  }

  private applyUpdate(update: JobUpdate): void {
    this.lastUpdate.set({ at: new Date(), via: 'socket' });
    const shown = this.rows().find((job) => job.job_id === update.job_id);
    const query = update.query ?? shown?.query ?? update.job_id;
    this.announce(this.tracker.observe([{ ...update, query }], true));
    if (!this.jobs.hasValue()) {
      return;
    }
    if (shown) {
      this.jobs.update((list) =>
        list
          ? {
              ...list,
              jobs: list.jobs.map((job) =>
                job.job_id === update.job_id
                  ? {
                      ...job,
                      status: update.status,
                      result_count: update.result_count ?? job.result_count,
                      duration_ms: update.duration_ms ?? job.duration_ms,
                      error: update.error,
                    }
                  : job,
              ),
            }
          : list,
      );
    } else if (this.query().page === 1) {
      this.newJobSeen.next();
    }
  }

  private announce(transitions: JobTransition[]): void {
    for (const transition of transitions) {
      if (transition.status === 'completed') {
        this.notify.success(`Search “${transition.query}” completed`);
      } else if (transition.status === 'failed') {
        this.notify.error(`Search “${transition.query}” failed`);
      }
    }
  }
}
