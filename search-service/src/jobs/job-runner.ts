import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { JobEventsBus } from './job-events.bus';
import { JobsRepository } from './jobs.repository';
import { runSearch } from './run-search';
import type { SearchJobEntity, StoredResult } from './search-job.entity';

/** Runs one claimed job against the engine and records its outcome, unless the run was superseded meanwhile. */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    private readonly jobs: JobsRepository,
    private readonly events: JobEventsBus,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  async run(job: SearchJobEntity): Promise<void> {
    const run = { claimedBy: job.claimedBy ?? '', attempts: job.attempts };
    const startedAt = job.startedAt ? Date.parse(job.startedAt) : Date.now();
    let outcome: { transition: 'complete' | 'fail'; results: StoredResult[] | null; error: string | null };
    try {
      outcome = { transition: 'complete', results: runSearch(this.engine, job), error: null };
    } catch (error) {
      this.logger.warn(`Job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      outcome = { transition: 'fail', results: null, error: error instanceof Error ? error.message : 'Search failed' };
    }
    const completedAt = new Date();
    const recorded = await this.jobs.transition(
      job.id,
      outcome.transition,
      {
        results: outcome.results,
        resultCount: outcome.results?.length ?? 0,
        error: outcome.error,
        completedAt: completedAt.toISOString(),
        durationMs: Math.max(0, completedAt.getTime() - startedAt),
      },
      run,
    );
    if (!recorded) {
      this.logger.log(`Job ${job.id} was cancelled or reclaimed while running; its outcome is discarded`);
      return;
    }
    const updated = await this.jobs.findById(job.id);
    if (updated) {
      this.events.publish(updated);
    }
  }
}
