import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '@search/config/jobs.config';
import { storage } from 'nestjs-pino/storage';
import { JobEventsBus } from './job-events.bus';
import { JobsRepository } from './jobs.repository';
import type { SearchJobEntity } from './search-job.entity';

/** Longest pause between two attempts while the database refuses the records. */
const MAX_RETRY_DELAY_MS = 5000;
/** What one batch write may take on a loaded database, beyond the flush interval, before a record counts as late. */
const WRITE_ALLOWANCE_MS = 1000;

/**
 * Records the jobs of searches that were answered at once, off the caller's path: finished jobs wait here and are
 * written in batches (one INSERT every JOB_RECORD_FLUSH_MS, or as soon as JOB_RECORD_BATCH_SIZE are waiting).
 * Until its batch is written a job is served from here; once written it is announced on the job event bus, so an
 * event always names a job every replica can read. A graceful shutdown writes what is left (this hook runs after
 * the gRPC server has drained and before the database closes).
 */
@Injectable()
export class JobRecorder implements OnApplicationShutdown {
  private readonly logger = new Logger(JobRecorder.name);
  private readonly pending = new Map<string, SearchJobEntity>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private failures = 0;
  private closed = false;

  constructor(
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    private readonly jobs: JobsRepository,
    private readonly events: JobEventsBus,
  ) {}

  /** False once too many records wait (the database is slow or away) or the service is closing. */
  get hasRoom(): boolean {
    return !this.closed && this.pending.size < this.config.recordMaxPending;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** The longest a job answered by this process may stay unwritten while the database keeps up. */
  get visibilityWindowMs(): number {
    return this.config.recordFlushMs + WRITE_ALLOWANCE_MS;
  }

  record(job: SearchJobEntity): void {
    this.pending.set(job.id, job);
    if (this.pending.size >= this.config.recordBatchSize) {
      void this.flush();
    } else {
      this.schedule(this.config.recordFlushMs);
    }
  }

  /** A job not written yet, if this process answered it. */
  find(id: string): SearchJobEntity | undefined {
    return this.pending.get(id);
  }

  /** Writes what is waiting now instead of at the next tick; resolves once tried (a failure stays pending). */
  async drain(): Promise<void> {
    if (this.pending.size > 0) {
      await this.flush();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.drain();
    if (this.pending.size > 0) {
      this.logger.error(`${this.pending.size} finished search job(s) could not be recorded before shutdown`);
    }
  }

  private schedule(delayMs: number): void {
    if (this.timer === null && this.writing === null) {
      this.timer = setTimeout(() => void this.flush(), delayMs);
    }
  }

  /** Single flight: jobs recorded while a batch is being written go into the next one. */
  private flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // A batch holds many calls' jobs: its lines must not carry the id of the call that happened to fill it.
    this.writing ??= storage
      .exit(() => this.writeAll())
      .finally(() => {
        this.writing = null;
        if (this.pending.size > 0 && this.failures > 0 && !this.closed) {
          this.schedule(Math.min(MAX_RETRY_DELAY_MS, this.config.recordFlushMs * 2 ** this.failures));
        }
      });
    return this.writing;
  }

  private async writeAll(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = this.nextBatch();
      try {
        await this.jobs.insertMany(batch);
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1) {
          this.logger.warn(
            `Recording ${batch.length} finished search job(s) failed, retrying: ` +
              (error instanceof Error ? error.message : String(error)),
          );
        }
        return;
      }
      if (this.failures > 0) {
        this.logger.log(`Recording finished search jobs works again after ${this.failures} failed attempt(s)`);
        this.failures = 0;
      }
      for (const job of batch) {
        this.pending.delete(job.id);
      }
      this.events.publishAll(batch);
    }
  }

  /** The oldest waiting jobs, without copying a long backlog. */
  private nextBatch(): SearchJobEntity[] {
    const batch: SearchJobEntity[] = [];
    for (const job of this.pending.values()) {
      batch.push(job);
      if (batch.length === this.config.recordBatchSize) {
        break;
      }
    }
    return batch;
  }
}
