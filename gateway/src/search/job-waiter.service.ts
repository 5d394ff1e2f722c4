import { Injectable } from '@nestjs/common';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import {
  EMPTY,
  catchError,
  concatMap,
  defer,
  filter,
  firstValueFrom,
  from,
  map,
  merge,
  of,
  repeat,
  take,
  timeout,
  timer,
} from 'rxjs';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { JobEventsService } from './job-events.service';
import { isTerminalStatus } from './search.mapper';

/** While the event stream is up, polling is only a safety net; without it, polling is the only signal. */
const POLL_WHILE_STREAMING_MS = 1000;
const POLL_WITHOUT_STREAM_MS = 150;

/**
 * Waits, within a budget, for a job to finish: the job event stream answers at once, the last status
 * the stream remembers covers a job that finished before the wait began, and GetJob polling covers a
 * stream that is down or missed an event.
 */
@Injectable()
export class JobWaiter {
  constructor(
    private readonly client: SearchGrpcClient,
    private readonly events: JobEventsService,
  ) {}

  /** The job's final status, or null when the budget ran out first. */
  waitForFinish(jobId: string, ownerId: number, budgetMs: number): Promise<JobStatus | null> {
    if (budgetMs <= 0) {
      return Promise.resolve(null);
    }
    const streamed = this.events.events$.pipe(
      filter((event) => event.jobId === jobId),
      map((event) => event.status),
    );
    const remembered = defer(() => {
      const status = this.events.lastStatus(jobId);
      return status === undefined ? EMPTY : of(status);
    });
    const polled = defer(() => timer(this.pollDelayMs())).pipe(
      concatMap(() =>
        from(this.client.getJob({ jobId, ownerId, omitResults: true })).pipe(
          map((job) => job.status),
          // A failed poll is not the job's fate: keep waiting until the budget says otherwise.
          catchError(() => EMPTY),
        ),
      ),
      repeat(),
    );
    return firstValueFrom(
      merge(streamed, remembered, polled).pipe(
        filter(isTerminalStatus),
        take(1),
        timeout({ first: budgetMs, with: () => of(null) }),
      ),
      { defaultValue: null },
    );
  }

  private pollDelayMs(): number {
    return this.events.isStreaming() ? POLL_WHILE_STREAMING_MS : POLL_WITHOUT_STREAM_MS;
  }
}
