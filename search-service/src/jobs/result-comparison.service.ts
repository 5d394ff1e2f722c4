import { Inject, Injectable } from '@nestjs/common';
import type { CompareResultsRequest, ResultComparison } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { SearchSettingsCache } from '@search/settings/search-settings.cache';
import { JobsService } from './jobs.service';
import { compareResults, ExplainedResult } from './result-comparison';
import { runSearch } from './run-search';

function assertVideoId(value: number, field: string): void {
  if (!Number.isInteger(value) || value <= 0) {
    throw SearchException.invalidArgument(`${field} must be a positive integer`);
  }
}

function notMatched(videoId: number): SearchException {
  return SearchException.notFound(`Video ${videoId} does not match this job's query and filters`);
}

/**
 * Why one result of a job ranks above another. The job's question (its query, algorithm and filters, never its
 * sort: the comparison is about relevance) is asked again of today's index and settings with only the two videos
 * as candidates, so both are explained by the same ranking pass whatever page they fell on.
 */
@Injectable()
export class ResultComparisonService {
  constructor(
    private readonly jobs: JobsService,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly settings: SearchSettingsCache,
  ) {}

  async compare(request: CompareResultsRequest): Promise<ResultComparison> {
    assertVideoId(request.videoA, 'a');
    assertVideoId(request.videoB, 'b');
    if (request.videoA === request.videoB) {
      throw SearchException.invalidArgument('a and b must name two different videos');
    }
    const job = await this.jobs.findOwned(request);
    const candidates = [request.videoA, request.videoB];
    const excluded = candidates.find((id) => job.filters.videoIds.length > 0 && !job.filters.videoIds.includes(id));
    if (excluded !== undefined) {
      throw notMatched(excluded);
    }
    const outcome = runSearch(
      this.engine,
      {
        ...job,
        filters: { ...job.filters, videoIds: candidates },
        limit: candidates.length,
        offset: 0,
        sort: [],
        facets: [],
        explain: true,
      },
      this.settings.forOwner(job.ownerId),
    );
    const [a, b] = candidates.map((videoId) => {
      const found = outcome.results.find((result) => result.videoId === videoId);
      if (found?.explanation === undefined) {
        throw notMatched(videoId);
      }
      return found as ExplainedResult;
    });
    return compareResults(a, b);
  }
}
