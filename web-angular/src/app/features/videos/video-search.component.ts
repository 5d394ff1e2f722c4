import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Subscription } from 'rxjs';
import { JobStatus, SearchResult } from '../../core/api/api.types';
import { SearchApiService } from '../../core/api/search-api.service';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { JobWatcherService } from '../../core/realtime/job-watcher.service';
import { HighlightPipe } from '../../ui/highlight/highlight.pipe';
import { MomentChipsComponent } from '../../ui/moments/moment-chips.component';
import { JobStatusChipComponent } from '../../ui/status/job-status-chip.component';

export const MAX_QUERY_LENGTH = 500;

type SearchState =
  | { phase: 'idle' }
  | { phase: 'running'; jobId: string | null; status: JobStatus; via: 'request' | 'socket' | 'polling' }
  | {
      phase: 'done';
      jobId: string;
      status: JobStatus;
      results: SearchResult[];
      algorithm: string;
      durationMs: number | null;
      error: string | null;
    }
  | { phase: 'error'; message: string };

/** Search box: submits a job, follows it live when the gateway answers 202, then lists ranked results. */
@Component({
  selector: 'app-video-search',
  imports: [
    ReactiveFormsModule,
    DecimalPipe,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    HighlightPipe,
    JobStatusChipComponent,
    MomentChipsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './video-search.component.html',
  styleUrl: './video-search.component.scss',
})
export class VideoSearchComponent {
  private readonly searchApi = inject(SearchApiService);
  private readonly watcher = inject(JobWatcherService);
  private readonly userId = inject(SessionService).requireUserId();
  private readonly destroyRef = inject(DestroyRef);
  private activeJob: Subscription | null = null;

  protected readonly maxLength = MAX_QUERY_LENGTH;
  protected readonly algorithms = rxResource({ stream: () => this.searchApi.algorithms() });
  protected readonly algorithmsError = computed(() =>
    this.algorithms.error() ? errorMessage(this.algorithms.error()) : null,
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    query: ['', [Validators.required, Validators.maxLength(MAX_QUERY_LENGTH)]],
    algorithm: [''],
    background: [false],
  });
  protected readonly state = signal<SearchState>({ phase: 'idle' });
  protected readonly running = computed(() => narrow(this.state(), 'running'));
  protected readonly failed = computed(() => narrow(this.state(), 'error'));
  protected readonly done = computed(() => narrow(this.state(), 'done'));

  constructor() {
    this.destroyRef.onDestroy(() => this.activeJob?.unsubscribe());
  }

  protected submit(): void {
    const { query, algorithm, background } = this.form.getRawValue();
    if (this.form.invalid || !query.trim()) {
      this.form.markAllAsTouched();
      return;
    }
    this.activeJob?.unsubscribe();
    this.state.set({ phase: 'running', jobId: null, status: 'queued', via: 'request' });
    const request = { query: query.trim(), ...(algorithm ? { algorithm } : {}) };
    this.activeJob = this.searchApi
      .submit(this.userId, request, background ? 0 : undefined)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (submission) => {
          if (submission.results) {
            this.state.set({
              phase: 'done',
              jobId: submission.job_id,
              status: submission.status,
              results: submission.results,
              algorithm: submission.algorithm ?? algorithm,
              durationMs: submission.duration_ms ?? null,
              error: null,
            });
          } else {
            this.follow(submission.job_id, submission.status);
          }
        },
        error: (error: unknown) => this.state.set({ phase: 'error', message: errorMessage(error) }),
      });
  }

  protected clear(): void {
    this.activeJob?.unsubscribe();
    this.form.controls.query.setValue('');
    this.state.set({ phase: 'idle' });
  }

  private follow(jobId: string, status: JobStatus): void {
    this.state.set({ phase: 'running', jobId, status, via: 'request' });
    this.activeJob = this.watcher
      .watch(this.userId, jobId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (progress) => {
          if (progress.job && progress.job.results !== undefined && isFinished(progress.job.status)) {
            this.state.set({
              phase: 'done',
              jobId,
              status: progress.job.status,
              results: progress.job.results,
              algorithm: progress.job.algorithm,
              durationMs: progress.job.duration_ms,
              error: progress.job.error,
            });
          } else {
            this.state.set({ phase: 'running', jobId, status: progress.status, via: progress.via });
          }
        },
        error: (error: unknown) => this.state.set({ phase: 'error', message: errorMessage(error) }),
      });
  }
}

function narrow<P extends SearchState['phase']>(
  state: SearchState,
  phase: P,
): Extract<SearchState, { phase: P }> | null {
  return state.phase === phase ? (state as Extract<SearchState, { phase: P }>) : null;
}

function isFinished(status: JobStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}
