import type { AuthenticatedUser } from '@gateway/auth/authenticated-user';
import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { SearchRequest } from '@proto/gen/ts/videosearch/search/v1/search';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import {
  CompareResultsQueryDto,
  DEFAULT_SUGGESTIONS,
  InstantSearchQueryDto,
  RecordClickDto,
  SuggestQueryDto,
} from './dto/search-options.dto';
import { ListJobsQueryDto, SubmitSearchDto } from './dto/search-request.dto';
import {
  AlgorithmListDto,
  ClickDto,
  JobReplayDto,
  MultiSearchResultDto,
  ResultComparisonDto,
  SearchAcceptedDto,
  SearchJobDto,
  SearchJobListDto,
  SuggestionsDto,
} from './dto/search-response.dto';
import { applyForcedFilters, isWithinForcedFilters, restrictsSearch } from './forced-filters';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { namingEntry, parseMultiSearchEntries } from './multi-search';
import { parseWaitPreference } from './prefer-wait.util';
import { SearchConfig, searchConfig } from './search.config';
import {
  instantQueryToSearch,
  isTerminalStatus,
  toAcceptedDto,
  toAlgorithmDto,
  toClickDto,
  toComparisonDto,
  toJobDto,
  toJobListDto,
  toListJobsRequest,
  toReplayDto,
  toSearchRequest,
  toSuggestionTexts,
} from './search.mapper';

/** Who searches: the owner, and the filters a search token forces on every search (null otherwise). */
export type SearchCaller = Pick<AuthenticatedUser, 'id' | 'forcedFilters'>;

/** A search either finished within the wait (the full job) or is still running (its id and status). */
export type SearchOutcome = (
  { finished: true; job: SearchJobDto } | { finished: false; accepted: SearchAcceptedDto }
) & {
  /** Value for `Preference-Applied` when the client's `Prefer` header was honoured. */
  preferenceApplied: string | null;
};

const JOB_NOT_FOUND = 'Search job not found';

/**
 * Owner-scoped searches: every call names the caller, and the search service enforces it too. A search
 * token's filters are ANDed onto every search it makes, and its reads stay within them.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly client: SearchGrpcClient,
    private readonly algorithms: AlgorithmCatalog,
    @Inject(searchConfig.KEY) private readonly config: SearchConfig,
  ) {}

  /**
   * One Search call that waits `SEARCH_WAIT_MS`, or what `Prefer: wait=N` asks (0..30 s), inside the
   * search service: it usually answers at once with the completed job. A job that failed or was
   * cancelled within the wait is also returned whole (200 with its status and error): the request
   * itself succeeded, and the client learns the outcome at once.
   */
  async search(
    caller: SearchCaller,
    dto: SubmitSearchDto,
    preferHeader: string | string[] | undefined,
  ): Promise<SearchOutcome> {
    const { waitMs, applied } = parseWaitPreference(preferHeader, this.config.waitMs);
    await this.assertKnownAlgorithm(dto);
    const job = await this.runSearch(this.request(caller, dto, waitMs));
    return isTerminalStatus(job.status)
      ? { finished: true, job: toJobDto(job), preferenceApplied: applied }
      : { finished: false, accepted: toAcceptedDto(job), preferenceApplied: applied };
  }

  /**
   * As-you-type search through the same one call, waiting `SEARCH_WAIT_MS` at most: the answer is the
   * job as it stands then (nearly always completed, with its results).
   */
  async instant(caller: SearchCaller, query: InstantSearchQueryDto): Promise<SearchJobDto> {
    const dto = instantQueryToSearch(query);
    await this.assertKnownAlgorithm(dto);
    return toJobDto(await this.runSearch(this.request(caller, dto, this.config.waitMs)));
  }

  /** Every entry is validated before any runs; then they run concurrently and answer in order. */
  async multiSearch(caller: SearchCaller, queries: unknown[]): Promise<MultiSearchResultDto> {
    const entries = parseMultiSearchEntries(queries);
    await Promise.all(entries.map((dto, index) => namingEntry(index, () => this.assertKnownAlgorithm(dto))));
    const results = await Promise.all(
      entries.map((dto, index) =>
        namingEntry(index, async () => toJobDto(await this.runSearch(this.request(caller, dto, this.config.waitMs)))),
      ),
    );
    return { results };
  }

  /**
   * Completions from the owner's vocabulary and past queries. Neither can be confined to a search
   * token's filters (a word or a past query may come from any video), so a token that restricts
   * anything is refused rather than shown words from outside its part of the library.
   */
  async suggest(caller: SearchCaller, query: SuggestQueryDto): Promise<SuggestionsDto> {
    if (restrictsSearch(caller.forcedFilters)) {
      throw new ForbiddenException('Suggestions are not available to a search token with filters');
    }
    const reply = await this.client.suggest({
      ownerId: caller.id,
      prefix: query.q,
      limit: query.limit ?? DEFAULT_SUGGESTIONS,
    });
    return { suggestions: toSuggestionTexts(reply.suggestions) };
  }

  async recordClick(caller: SearchCaller, jobId: string, dto: RecordClickDto): Promise<ClickDto> {
    await this.assertVisible(caller, jobId);
    return toClickDto(
      await this.client.recordClick({ jobId, ownerId: caller.id, videoId: dto.video_id, position: dto.position }),
    );
  }

  /** Why video a ranks where it does against video b, for the job's query and filters. */
  async compareResults(
    caller: SearchCaller,
    jobId: string,
    query: CompareResultsQueryDto,
  ): Promise<ResultComparisonDto> {
    await this.assertVisible(caller, jobId);
    return toComparisonDto(
      await this.client.compareResults({ jobId, ownerId: caller.id, videoA: query.a, videoB: query.b }),
    );
  }

  async getJob(caller: SearchCaller, jobId: string): Promise<SearchJobDto> {
    const job = await this.client.getJob({ jobId, ownerId: caller.id, omitResults: false });
    if (!isWithinForcedFilters(job.filters, caller.forcedFilters)) {
      throw new NotFoundException(JOB_NOT_FOUND);
    }
    return toJobDto(job);
  }

  /**
   * A token that restricts its searches cannot list jobs: the list shows the text and filters of the owner's
   * other searches, which may reach outside the token's part of the library.
   */
  async listJobs(caller: SearchCaller, query: ListJobsQueryDto): Promise<SearchJobListDto> {
    if (restrictsSearch(caller.forcedFilters)) {
      throw new ForbiddenException('Listing search jobs is not available to a search token with filters');
    }
    const request = toListJobsRequest(caller.id, query);
    if (request.createdAfter && request.createdBefore && request.createdAfter > request.createdBefore) {
      throw new BadRequestException('start_date must not be after end_date');
    }
    return toJobListDto(await this.client.listJobs(request));
  }

  async retryJob(caller: SearchCaller, jobId: string): Promise<SearchJobDto> {
    await this.assertVisible(caller, jobId);
    return toJobDto(await this.client.retryJob({ jobId, ownerId: caller.id }));
  }

  async cancelJob(caller: SearchCaller, jobId: string): Promise<SearchJobDto> {
    await this.assertVisible(caller, jobId);
    return toJobDto(await this.client.cancelJob({ jobId, ownerId: caller.id }));
  }

  async replayJob(caller: SearchCaller, jobId: string): Promise<JobReplayDto> {
    await this.assertVisible(caller, jobId);
    return toReplayDto(await this.client.replayJob({ jobId, ownerId: caller.id }));
  }

  async listAlgorithms(): Promise<AlgorithmListDto> {
    return { algorithms: (await this.algorithms.list()).map(toAlgorithmDto) };
  }

  private request(caller: SearchCaller, dto: SubmitSearchDto, waitMs: number): SearchRequest {
    const request = toSearchRequest(caller.id, dto, waitMs);
    const search = request.search;
    if (search?.filters && restrictsSearch(caller.forcedFilters)) {
      search.filters = applyForcedFilters(search.filters, caller.forcedFilters);
    }
    return request;
  }

  private async runSearch(request: SearchRequest) {
    const { job } = await this.client.search(request);
    if (!job) {
      throw new Error('The search service answered a search without its job');
    }
    return job;
  }

  private async assertKnownAlgorithm(dto: SubmitSearchDto): Promise<void> {
    if (dto.algorithm !== undefined) {
      await this.algorithms.assertKnown(dto.algorithm);
    }
  }

  /** A token acts only on jobs within its filters; any other caller's jobs are checked by the service. */
  private async assertVisible(caller: SearchCaller, jobId: string): Promise<void> {
    if (restrictsSearch(caller.forcedFilters)) {
      await this.getJob(caller, jobId);
    }
  }
}
