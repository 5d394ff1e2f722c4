import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { SearchSettingsCache } from '@search/settings/search-settings.cache';
import { JobEventsBus } from './job-events.bus';
import { JobsRepository } from './jobs.repository';
import { runSearch, type SearchOutcome } from './run-search';
import type { SearchJobEntity } from './search-job.entity';

/** Runs one claimed job against the engine and records its outcome, unless the run was superseded meanwhile. */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);

  constructor(
    private readonly jobs: JobsRepository,
    private readonly events: JobEventsBus,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly settings: SearchSettingsCache,
  ) {}

  async run(job: SearchJobEntity): Promise<void> {
    const run = { claimedBy: job.claimedBy ?? '', attempts: job.attempts };
    const startedAt = job.startedAt ? Date.parse(job.startedAt) : Date.now();
    let transition: 'complete' | 'fail' = 'complete';
    let answer: SearchOutcome | null = null;
    let failure: string | null = null;
    try {
      // The settings as they are now, not as they were when the job was queued: "applied to the next search".
      answer = runSearch(this.engine, job, this.settings.forOwner(job.ownerId));
    } catch (error) {
      this.logger.warn(`Job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      transition = 'fail';
      failure = error instanceof Error ? error.message : 'Search failed';
    }
    const completedAt = new Date();
    const recorded = await this.jobs.transition(
      job.id,
      transition,
      {
        results: answer?.results ?? null,
        resultCount: answer?.results.length ?? 0,
        estimatedTotalHits: answer?.estimatedTotalHits ?? 0,
        facetDistribution: answer?.facetDistribution ?? null,
        error: failure,
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
