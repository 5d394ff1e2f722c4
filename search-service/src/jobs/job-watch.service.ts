import { Injectable } from '@nestjs/common';
import type { JobEvent, WatchJobsRequest } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import { filter, Observable } from 'rxjs';
import { JobEventsBus } from './job-events.bus';
import { parseTimestamp } from './job-request.validator';
import { toJobEvent } from './job.mapper';
import { JobsRepository } from './jobs.repository';

@Injectable()
export class JobWatchService {
  constructor(
    private readonly bus: JobEventsBus,
    private readonly jobs: JobsRepository,
  ) {}

  watch(request: WatchJobsRequest): Observable<JobEvent> {
    if (!Number.isInteger(request.ownerId) || request.ownerId < 0) {
      throw SearchException.invalidArgument('owner_id must be 0 (every owner) or a positive integer');
    }
    const since = parseTimestamp(request.since, 'since');
    const live = this.bus.events().pipe(filter((event) => request.ownerId === 0 || event.ownerId === request.ownerId));
    return request.includeCurrent ? this.withResync(live, request.ownerId, since) : live;
  }

  /**
   * Subscribes to live events before reading the current state, holding them back until the replay is out,
   * so nothing that changes during the replay query is missed (a job may then appear twice, never zero times).
   */
  private withResync(live: Observable<JobEvent>, ownerId: number, since: string | undefined): Observable<JobEvent> {
    return new Observable<JobEvent>((subscriber) => {
      let held: JobEvent[] | null = [];
      let completedDuringReplay = false;
      const subscription = live.subscribe({
        next: (event) => (held ? held.push(event) : subscriber.next(event)),
        error: (error: unknown) => subscriber.error(error),
        complete: () => (held ? (completedDuringReplay = true) : subscriber.complete()),
      });
      this.jobs.findForResync(ownerId, since).then(
        (jobs) => {
          for (const job of jobs) {
            subscriber.next(toJobEvent(job, true));
          }
          const pending = held ?? [];
          held = null;
          pending.forEach((event) => subscriber.next(event));
          if (completedDuringReplay) {
            subscriber.complete();
          }
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => subscription.unsubscribe();
    });
  }
}
