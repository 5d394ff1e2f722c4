import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { jobsConfig, type JobsConfig } from '@search/config/jobs.config';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobEventsBus } from './job-events.bus';
import { JobRunner } from './job-runner';
import { JobsRepository } from './jobs.repository';
import type { SearchJobEntity } from './search-job.entity';

/**
 * A bounded pool of workers. It wakes on every local submit and also polls, so jobs submitted to another replica
 * sharing the database are picked up too. Starts after every module has initialised (the index is loaded by then).
 */
@Injectable()
export class JobWorkerPool implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobWorkerPool.name);
  /** Unique per process, so a restarted process never mistakes an old claim for its own. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private pumping = false;
  private pumpAgain = false;
  private stopped = true;
  private lastRecoveryAt = 0;

  constructor(
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    private readonly jobs: JobsRepository,
    private readonly runner: JobRunner,
    private readonly events: JobEventsBus,
  ) {}

  get activeJobs(): number {
    return this.running.size;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.recover(true);
    if (this.config.workerConcurrency === 0) {
      this.logger.warn('WORKER_CONCURRENCY=0: jobs are accepted but not run by this process');
      return;
    }
    this.stopped = false;
    this.timer = setInterval(() => this.tick(), this.config.pollIntervalMs);
    this.wake();
  }

  /** Looks for work now rather than at the next poll. */
  wake(): void {
    if (!this.stopped) {
      void this.pump();
    }
  }

  /** Stops claiming, then waits (bounded) for the running jobs so their outcome is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    if (this.running.size === 0) {
      return;
    }
    this.logger.log(`Waiting for ${this.running.size} running job(s)`);
    const drained = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      sleep(this.config.shutdownGraceMs, false, { ref: false }),
    ]);
    if (!drained) {
      this.logger.warn(
        `${this.running.size} job(s) still running after ${this.config.shutdownGraceMs} ms; they will be recovered`,
      );
    }
  }

  private tick(): void {
    const recoveryDue = Date.now() - this.lastRecoveryAt >= this.config.claimTimeoutMs / 2;
    const recovery = recoveryDue ? this.recover(false) : Promise.resolve();
    recovery.then(
      () => this.wake(),
      (error: unknown) => this.logger.error('Job recovery failed', error instanceof Error ? error.stack : error),
    );
  }

  /**
   * Puts abandoned `processing` jobs back in the queue. At start on a database owned by this process, every one is
   * abandoned (it was left by a crash); otherwise only those whose claim is older than JOB_CLAIM_TIMEOUT_MS, since a
   * fresh claim may belong to a live replica.
   */
  private async recover(atStart: boolean): Promise<void> {
    this.lastRecoveryAt = Date.now();
    const everyClaim = atStart && !this.jobs.isShared;
    const cutoff = everyClaim ? undefined : new Date(Date.now() - this.config.claimTimeoutMs).toISOString();
    const abandoned = await this.jobs.findAbandoned(cutoff);
    let recovered = 0;
    for (const job of abandoned) {
      const run = { claimedBy: job.claimedBy ?? '', attempts: job.attempts };
      if (await this.jobs.transition(job.id, 'recover', { claimedBy: null, claimedAt: null }, run)) {
        recovered += 1;
        const updated = await this.jobs.findById(job.id);
        if (updated) {
          this.events.publish(updated);
        }
      }
    }
    if (recovered > 0) {
      this.logger.warn(`Requeued ${recovered} job(s) abandoned while processing`);
    }
  }

  /** Single-flight: overlapping wake-ups collapse into one more pass instead of racing for slots. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        await this.fillSlots();
      } while (this.pumpAgain && !this.stopped);
    } catch (error) {
      this.logger.error('Claiming jobs failed', error instanceof Error ? error.stack : error);
    } finally {
      this.pumping = false;
    }
  }

  private async fillSlots(): Promise<void> {
    while (!this.stopped) {
      const free = this.config.workerConcurrency - this.running.size;
      if (free <= 0) {
        return;
      }
      const claimed = await this.jobs.claimQueued(this.workerId, free);
      for (const job of claimed) {
        this.start(job);
      }
      if (claimed.length < free) {
        return;
      }
    }
  }

  private start(job: SearchJobEntity): void {
    this.events.publish(job);
    const execution: Promise<void> = this.runner
      .run(job)
      .catch((error: unknown) =>
        this.logger.error(`Job ${job.id} crashed`, error instanceof Error ? error.stack : error),
      )
      .finally(() => {
        this.running.delete(execution);
        this.wake();
      });
    this.running.add(execution);
  }
}
