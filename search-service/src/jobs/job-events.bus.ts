import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobEvent } from '@proto/gen/ts/videosearch/search/v1/search';
import { randomUUID } from 'node:crypto';
import { Observable, Subject } from 'rxjs';
import type { DataSource } from 'typeorm';
import { toJobEvent } from './job.mapper';
import { PostgresEventRelay } from './postgres-event-relay';
import type { SearchJobEntity } from './search-job.entity';

/**
 * Fan-out of job state changes to every watcher: one Subject, no polling per watcher. On a shared PostgreSQL
 * database the events also travel to and from the other replicas. Completing it at shutdown ends every
 * WatchJobs stream, which lets the gRPC server close gracefully.
 */
@Injectable()
export class JobEventsBus implements OnModuleInit {
  private readonly subject = new Subject<JobEvent>();
  private readonly local = new Subject<JobEvent>();
  private readonly relay: PostgresEventRelay | null;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.relay = dataSource.options.type === 'postgres' ? new PostgresEventRelay(dataSource, randomUUID()) : null;
  }

  async onModuleInit(): Promise<void> {
    await this.relay?.start((event) => this.subject.next(event));
  }

  publish(job: SearchJobEntity): void {
    this.publishAll([job]);
  }

  /** Many changes at once travel to the other replicas in one round trip. */
  publishAll(jobs: readonly SearchJobEntity[]): void {
    if (jobs.length === 0) {
      return;
    }
    const events = jobs.map((job) => toJobEvent(job, false));
    for (const event of events) {
      this.subject.next(event);
      this.local.next(event);
    }
    this.relay?.publish(events);
  }

  events(): Observable<JobEvent> {
    return this.subject.asObservable();
  }

  /** Only the changes made by this process, e.g. for per-replica metrics; not the relayed ones. */
  localEvents(): Observable<JobEvent> {
    return this.local.asObservable();
  }

  async complete(): Promise<void> {
    this.subject.complete();
    this.local.complete();
    await this.relay?.stop();
  }
}
