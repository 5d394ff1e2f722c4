import { distinctUntilChanged, EMPTY, Observable, switchMap, timer } from 'rxjs';
import { JobStatus, TERMINAL_JOB_STATUSES } from '../api/api.types';
import { LiveMode } from './realtime.types';

/** Ticks every `intervalMs` while the socket is not delivering events, and stays silent while it is. */
export function pollWhileOffline(mode$: Observable<LiveMode>, intervalMs: number): Observable<number> {
  return mode$.pipe(
    distinctUntilChanged(),
    switchMap((mode) => (mode === 'socket' ? EMPTY : timer(intervalMs, intervalMs))),
  );
}

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

export interface JobTransition {
  job_id: string;
  query: string;
  status: JobStatus;
}

/**
 * Remembers each job's last seen status so a job finishing is announced exactly once, whether the news
 * came from a socket `job_update` or from a polled list. A polled list's first sight of a job is not news
 * (it may have finished long ago); a pushed update is (`announceUnseen`).
 */
export class JobTransitionTracker {
  private readonly lastStatus = new Map<string, JobStatus>();

  observe(
    jobs: readonly { job_id: string; query: string; status: JobStatus }[],
    announceUnseen = false,
  ): JobTransition[] {
    const transitions: JobTransition[] = [];
    for (const job of jobs) {
      const previous = this.lastStatus.get(job.job_id);
      const wasOpen = previous === undefined ? announceUnseen : !isTerminal(previous);
      if (wasOpen && isTerminal(job.status)) {
        transitions.push({ job_id: job.job_id, query: job.query, status: job.status });
      }
      this.lastStatus.set(job.job_id, job.status);
    }
    return transitions;
  }
}
