import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { JobEventsBus } from './job-events.bus';
import { JobsRepository } from './jobs.repository';
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
      outcome = { transition: 'complete', results: this.search(job), error: null };
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

  private search(job: SearchJobEntity): StoredResult[] {
    const hits = this.engine.search({
      ownerId: job.ownerId,
      text: job.query,
      algorithm: job.algorithm,
      videoIds: job.filters.videoIds.length > 0 ? job.filters.videoIds : undefined,
      minDuration: job.filters.minDuration,
      maxDuration: job.filters.maxDuration,
      tags: job.filters.tags.length > 0 ? job.filters.tags : undefined,
      limit: job.limit,
    });
    return hits.map((hit) => ({
      videoId: hit.videoId,
      title: hit.title,
      relevanceScore: hit.score,
      matchedText: hit.matchedText,
      matchedFields: hit.matchedFields,
    }));
  }
}
