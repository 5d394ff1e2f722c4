import { JobEventsService } from '@gateway/search/job-events.service';
import { jobStatusToRest } from '@gateway/search/search.mapper';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { JobEvent } from '@proto/gen/ts/videosearch/search/v1/search';
import { Subscription } from 'rxjs';
import { TransactionRunner } from '../database/transaction-runner';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEventPublisher } from './webhook-event.publisher';

/**
 * Publishes `job.completed` / `job.failed` from the gateway's single job stream (the one realtime relays).
 * Every gateway holds that stream, so each publishes every event: the dedupe key `job.<status>:<job_id>`
 * makes the endpoint receive it once.
 */
@Injectable()
export class WebhookJobEventsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookJobEventsListener.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly jobEvents: JobEventsService,
    private readonly publisher: WebhookEventPublisher,
    private readonly dispatcher: WebhookDispatcherService,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.jobEvents.events$.subscribe((event) => void this.handle(event));
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  async handle(event: JobEvent): Promise<void> {
    if (event.ownerId <= 0) {
      return;
    }
    const status = jobStatusToRest(event.status);
    if (status !== 'completed' && status !== 'failed') {
      return;
    }
    const type = status === 'completed' ? 'job.completed' : 'job.failed';
    const data: Record<string, unknown> = {
      job_id: event.jobId,
      status,
      query: event.query,
      result_count: event.resultCount,
    };
    if (status === 'failed') {
      data.error = event.error || null;
    }
    try {
      if (!(await this.endpoints.isSubscribed(event.ownerId, type))) {
        return;
      }
      await this.transactions.run((manager) =>
        this.publisher.publish(manager, {
          ownerId: event.ownerId,
          type,
          data,
          dedupeKey: `job.${status}:${event.jobId}`,
        }),
      );
      this.dispatcher.nudge();
    } catch (error) {
      this.logger.warn(`Could not queue the webhook of job ${event.jobId}: ${(error as Error).message}`);
    }
  }
}
