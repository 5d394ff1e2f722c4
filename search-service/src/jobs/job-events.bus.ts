import { Injectable } from '@nestjs/common';
import type { JobEvent } from '@proto/gen/ts/videosearch/search/v1/search';
import { Observable, Subject } from 'rxjs';
import { toJobEvent } from './job.mapper';
import type { SearchJobEntity } from './search-job.entity';

/**
 * In-process fan-out of job state changes to every watcher: one Subject, no polling per watcher.
 * Completing it at shutdown ends every WatchJobs stream, which lets the gRPC server close gracefully.
 */
@Injectable()
export class JobEventsBus {
  private readonly subject = new Subject<JobEvent>();

  publish(job: SearchJobEntity): void {
    this.subject.next(toJobEvent(job, false));
  }

  events(): Observable<JobEvent> {
    return this.subject.asObservable();
  }

  complete(): void {
    this.subject.complete();
  }
}
