import { Inject, Injectable } from '@nestjs/common';
import type { JobRef, JobReplay } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { SearchSettingsCache } from '@search/settings/search-settings.cache';
import { isFinished } from './job-state';
import { toSearchJob, toSearchResult } from './job.mapper';
import { JobsService } from './jobs.service';
import { diffResults } from './result-diff';
import { runSearch, SearchInput, SearchOutcome } from './run-search';

/**
 * A recorded job's question asked again of today's index and settings, for seeing what a settings change, a
 * reindex or new videos did to it. The replay is an answer, not a job: nothing is recorded or counted.
 */
@Injectable()
export class JobReplayService {
  constructor(
    private readonly jobs: JobsService,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly settings: SearchSettingsCache,
  ) {}

  async replay(ref: JobRef): Promise<JobReplay> {
    const job = await this.jobs.findOwned(ref);
    if (!isFinished(job.status)) {
      throw SearchException.failedPrecondition(`A ${job.status} job cannot be replayed until it finishes`);
    }
    const replayedAt = new Date().toISOString();
    const outcome = this.ask(job);
    const diff = diffResults(job.results ?? [], outcome.results, job.offset);
    return {
      job: toSearchJob(job, true),
      results: outcome.results.map(toSearchResult),
      estimatedTotalHits: outcome.estimatedTotalHits,
      ...diff,
      replayedAt,
    };
  }

  /** What fails a search fails its replay too (an algorithm since withdrawn): the caller learns why. */
  private ask(job: SearchInput): SearchOutcome {
    try {
      return runSearch(this.engine, job, this.settings.forOwner(job.ownerId));
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'the search failed';
      throw SearchException.failedPrecondition(`The job cannot be replayed: ${reason}`);
    }
  }
}
