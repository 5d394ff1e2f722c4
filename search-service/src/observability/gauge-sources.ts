import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import type { SearchEngine } from '@search/engine/search-engine';
import { JobEventsBus } from '@search/jobs/job-events.bus';
import { JobWorkerPool } from '@search/jobs/job-worker-pool';
import { SearchJobEntity } from '@search/jobs/search-job.entity';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { SearchMetrics } from './search-metrics';

const FINISHED: ReadonlyMap<JobStatus, string> = new Map([
  [JobStatus.JOB_STATUS_COMPLETED, 'completed'],
  [JobStatus.JOB_STATUS_FAILED, 'failed'],
]);

/**
 * Points the scrape-time gauges at the job table, the worker pool and the engine, and times the jobs
 * this process finishes. The jobs module keeps its providers private, hence the non-strict lookups.
 */
@Injectable()
export class GaugeSources implements OnApplicationBootstrap, OnModuleDestroy {
  private finished: Subscription | null = null;

  constructor(
    private readonly metrics: SearchMetrics,
    private readonly moduleRef: ModuleRef,
    private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  onApplicationBootstrap(): void {
    const pool = this.moduleRef.get(JobWorkerPool, { strict: false });
    const bus = this.moduleRef.get(JobEventsBus, { strict: false });
    this.finished = bus.localEvents().subscribe((event) => {
      const status = FINISHED.get(event.status);
      if (status) {
        this.metrics.observeJob(status, event.durationMs / 1000);
      }
    });
    this.metrics.useSources({
      jobCounts: () => this.jobCounts(),
      activeWorkers: () => pool.activeJobs,
      index: () => this.engine.stats(),
    });
  }

  onModuleDestroy(): void {
    this.finished?.unsubscribe();
  }

  private async jobCounts(): Promise<{ queued: number; processing: number } | null> {
    if (!this.dataSource.isInitialized) {
      return null;
    }
    const jobs = this.dataSource.getRepository(SearchJobEntity);
    const [queued, processing] = await Promise.all([
      jobs.count({ where: { status: 'queued' } }),
      jobs.count({ where: { status: 'processing' } }),
    ]);
    return { queued, processing };
  }
}
