import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ServingState } from '@search/health/serving-state';
import { JobEventsBus } from './job-events.bus';
import { JobWorkerPool } from './job-worker-pool';

/**
 * Orders the shutdown steps that Nest's hooks would otherwise run in no defined order: report NOT_SERVING, stop
 * claiming and let running jobs finish (bounded), then end the watch streams so the gRPC server can close cleanly.
 * The server and the database close after this hook.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);

  constructor(
    private readonly serving: ServingState,
    private readonly workers: JobWorkerPool,
    private readonly events: JobEventsBus,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`Shutting down${signal ? ` on ${signal}` : ''}`);
    this.serving.stopServing();
    await this.workers.stop();
    await this.events.complete();
  }
}
