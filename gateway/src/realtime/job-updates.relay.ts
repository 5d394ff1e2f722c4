import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobEvent } from '@proto/gen/ts/videosearch/search/v1/search';
import { Subscription } from 'rxjs';
import { JobEventsService } from '../search/job-events.service';
import { toJobUpdateDto } from '../search/search.mapper';
import { jobsRoom } from './realtime.events';
import { RealtimeGateway } from './realtime.gateway';

/**
 * Relays the search service's job events to the owner's job room as `job_update`. Every gateway
 * holds its own job stream, so each delivers only to its own sockets (`local`); broadcasting
 * through the Redis adapter would hand every socket one copy per gateway.
 */
@Injectable()
export class JobUpdatesRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobUpdatesRelay.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly jobEvents: JobEventsService,
    private readonly gateway: RealtimeGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.jobEvents.events$.subscribe((event) => this.relay(event));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  private relay(event: JobEvent): void {
    const room = jobsRoom(event.ownerId);
    // Most searches have nobody watching: skip building and encoding an update no socket would get.
    if (event.ownerId <= 0 || !this.gateway.server.sockets.adapter.rooms.has(room)) {
      return;
    }
    try {
      this.gateway.server.local.to(room).emit('job_update', toJobUpdateDto(event));
    } catch (error) {
      this.logger.warn(`Dropped a malformed job event: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
