import { inject, Injectable } from '@angular/core';
import { concat, defer, filter, map, merge, Observable, of, switchMap, take, takeWhile } from 'rxjs';
import { JobStatus, SearchJob } from '../api/api.types';
import { SearchApiService } from '../api/search-api.service';
import { isTerminal, pollWhileOffline } from './live-fallback';
import { RealtimeService } from './realtime.service';

export const JOB_POLL_INTERVAL_MS = 1500;

export interface JobProgress {
  status: JobStatus;
  via: 'socket' | 'polling';
  job: SearchJob | null;
}

/** Follows one search job to its end: socket pushes while live, polling otherwise, then the full job. */
@Injectable({ providedIn: 'root' })
export class JobWatcherService {
  private readonly realtime = inject(RealtimeService);
  private readonly searchApi = inject(SearchApiService);

  watch(userId: number, jobId: string): Observable<JobProgress> {
    const pushed = this.realtime.jobUpdates$.pipe(
      filter((update) => update.job_id === jobId),
      map((update): JobProgress => ({ status: update.status, via: 'socket', job: null })),
    );
    const polled = pollWhileOffline(this.realtime.mode$, JOB_POLL_INTERVAL_MS).pipe(
      switchMap(() => this.searchApi.getJob(userId, jobId)),
      map((job): JobProgress => ({ status: job.status, via: 'polling', job })),
    );
    // Fetching once up front covers a job that finished before this subscription saw any push.
    const current = defer(() => this.searchApi.getJob(userId, jobId)).pipe(
      map((job): JobProgress => ({ status: job.status, via: 'polling', job })),
    );
    const progress = merge(pushed, polled, current).pipe(takeWhile((step) => !isTerminal(step.status), true));

    return progress.pipe(
      switchMap((step) => {
        if (!isTerminal(step.status) || step.job) {
          return of(step);
        }
        return concat(
          of(step),
          defer(() => this.searchApi.getJob(userId, jobId)).pipe(
            take(1),
            map((job): JobProgress => ({ status: job.status, via: step.via, job })),
          ),
        );
      }),
    );
  }
}
