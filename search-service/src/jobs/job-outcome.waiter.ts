import { Injectable } from '@nestjs/common';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { filter, firstValueFrom, of, take, timeout } from 'rxjs';
import { JobEventsBus } from './job-events.bus';

const FINISHED: ReadonlySet<JobStatus> = new Set([
  JobStatus.JOB_STATUS_COMPLETED,
  JobStatus.JOB_STATUS_FAILED,
  JobStatus.JOB_STATUS_CANCELLED,
]);

/**
 * Waits, within a budget, for a job to finish: for its event on the bus, which also carries the other replicas'
 * events on a shared database. Callers read the job afterwards, so a missed event costs time, never the answer.
 */
@Injectable()
export class JobOutcomeWaiter {
  constructor(private readonly bus: JobEventsBus) {}

  /** Resolves once the job finished, the budget ran out or the bus closed (shutdown: nothing more will finish). */
  async waitForFinish(jobId: string, budgetMs: number): Promise<void> {
    if (budgetMs <= 0) {
      return;
    }
    await firstValueFrom(
      this.bus.events().pipe(
        filter((event) => event.jobId === jobId && FINISHED.has(event.status)),
        take(1),
        timeout({ first: budgetMs, with: () => of(null) }),
      ),
      { defaultValue: null },
    );
  }
}
