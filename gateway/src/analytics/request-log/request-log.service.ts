import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';
import { outsideRequestScope } from '../../observability/logging/request-id';
import { analyticsConfig, AnalyticsConfig } from '../analytics.config';
import { RollupWriter } from '../rollups/rollup.writer';
import { RequestLogEntry } from './request-log-entry';

/**
 * Buffers request log entries in memory and writes them in batches, one transaction per flush,
 * every REQUEST_LOG_FLUSH_MS or as soon as a batch fills. A crash loses at most one interval;
 * shutdown flushes whatever is left while the database is still open.
 */
@Injectable()
export class RequestLogService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(RequestLogService.name);
  private readonly flushedUsers = new Subject<ReadonlySet<number>>();
  private readonly flushedEntries = new Subject<readonly RequestLogEntry[]>();
  private buffer: RequestLogEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private batchFlushScheduled = false;

  /** Emits the users whose requests a flush has just made visible in the rollups. */
  readonly flushed$: Observable<ReadonlySet<number>> = this.flushedUsers.asObservable();

  /** Emits each batch once written, so that what a live tail shows can already be looked up by its id. */
  readonly written$: Observable<readonly RequestLogEntry[]> = this.flushedEntries.asObservable();

  constructor(
    @Inject(analyticsConfig.KEY) private readonly config: AnalyticsConfig,
    private readonly transactions: TransactionRunner,
    private readonly writer: RollupWriter,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.config.flushMs);
    this.timer.unref();
  }

  record(entry: RequestLogEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length > this.config.maxBuffer) {
      const dropped = this.buffer.length - this.config.maxBuffer;
      this.buffer.splice(0, dropped);
      this.logger.warn(`Request log buffer full; dropped the ${dropped} oldest entries`);
    }
    if (this.buffer.length >= this.config.batchSize && !this.batchFlushScheduled) {
      this.batchFlushScheduled = true;
      // The request whose entry filled the batch is not the flush's: its lines and calls are nobody's request.
      outsideRequestScope(() =>
        setImmediate(() => {
          this.batchFlushScheduled = false;
          void this.flush();
        }),
      );
    }
  }

  /** Writes everything buffered so far; concurrent callers share the flush in progress. */
  async flush(): Promise<void> {
    while (this.flushing) {
      await this.flushing;
    }
    if (this.buffer.length === 0) {
      return;
    }
    this.flushing = this.flushBatches().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await this.flush();
  }

  /** Catches requests that completed while the HTTP server was closing. */
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.flush();
    }
  }

  private async flushBatches(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.config.batchSize);
      try {
        await this.transactions.run((manager) => this.writer.write(manager, batch));
      } catch (error) {
        this.buffer.unshift(...batch);
        this.logger.error(`Request log flush failed; ${this.buffer.length} entries kept for the next attempt`, error);
        return;
      }
      this.flushedEntries.next(batch);
      const users = new Set<number>();
      batch.forEach((entry) => entry.userId !== null && users.add(entry.userId));
      if (users.size > 0) {
        this.flushedUsers.next(users);
      }
    }
  }
}
