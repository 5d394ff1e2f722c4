import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SearchReply, SearchRequest } from '@proto/gen/ts/videosearch/search/v1/search';
import { jobsConfig, type JobsConfig } from '@search/config/jobs.config';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { SearchSettingsCache } from '@search/settings/search-settings.cache';
import { newJobId } from './job-id';
import { JobOutcomeWaiter } from './job-outcome.waiter';
import { JobRecorder } from './job-recorder';
import { NewJob, validateSearch } from './job-request.validator';
import { toSearchJob } from './job.mapper';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import { runSearch } from './run-search';
import type { SearchJobEntity } from './search-job.entity';

/**
 * The Search RPC: a caller that waits gets its results in the same answer. The query runs at once (the engine
 * answers in well under a millisecond, no queue can beat that) and its job is recorded afterwards in batches. A
 * caller that does not wait, a replica without workers, or a recorder that cannot keep up gets the durable queued
 * path instead, waited on here within the caller's budget.
 */
@Injectable()
export class OneCallSearchService {
  private readonly logger = new Logger(OneCallSearchService.name);

  constructor(
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly recorder: JobRecorder,
    private readonly jobs: JobsService,
    private readonly repository: JobsRepository,
    private readonly waiter: JobOutcomeWaiter,
    private readonly settings: SearchSettingsCache,
  ) {}

  search(request: SearchRequest): Promise<SearchReply> | SearchReply {
    const { job, waitMs } = validateSearch(request, this.engine.algorithms());
    if (waitMs > 0 && this.config.workerConcurrency > 0 && this.recorder.hasRoom) {
      return { job: toSearchJob(this.runNow(job), true) };
    }
    return this.queueAndWait(job, waitMs);
  }

  private runNow(input: NewJob): SearchJobEntity {
    const started = new Date();
    const startedAt = started.toISOString();
    const clock = performance.now();
    let outcome: Pick<SearchJobEntity, 'status' | 'results' | 'estimatedTotalHits' | 'facetDistribution' | 'error'>;
    try {
      const answer = runSearch(this.engine, input, this.settings.forOwner(input.ownerId));
      outcome = { status: 'completed', ...answer, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Search failed';
      this.logger.warn(`Search for owner ${input.ownerId} failed: ${message}`);
      outcome = { status: 'failed', results: null, estimatedTotalHits: 0, facetDistribution: null, error: message };
    }
    const durationMs = performance.now() - clock;
    const completedAt = new Date(started.getTime() + durationMs).toISOString();
    const job: SearchJobEntity = {
      id: newJobId(started.getTime()),
      ...input,
      ...outcome,
      resultCount: outcome.results?.length ?? 0,
      attempts: 1,
      createdAt: startedAt,
      startedAt,
      completedAt,
      updatedAt: completedAt,
      durationMs,
      claimedBy: null,
      claimedAt: null,
    };
    this.recorder.record(job);
    return job;
  }

  private async queueAndWait(input: NewJob, waitMs: number): Promise<SearchReply> {
    const queued = await this.jobs.enqueue(input);
    await this.waiter.waitForFinish(queued.id, waitMs);
    const current = waitMs > 0 ? await this.repository.findById(queued.id) : null;
    return { job: toSearchJob(current ?? queued, true) };
  }
}
