import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import { ListJobsQueryDto, SubmitSearchDto } from './dto/search-request.dto';
import { AlgorithmListDto, SearchAcceptedDto, SearchJobDto, SearchJobListDto } from './dto/search-response.dto';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { parseWaitPreference } from './prefer-wait.util';
import { SearchConfig, searchConfig } from './search.config';
import {
  isTerminalStatus,
  toAcceptedDto,
  toAlgorithmDto,
  toJobDto,
  toJobListDto,
  toListJobsRequest,
  toSearchRequest,
} from './search.mapper';

/** A search either finished within the wait (the full job) or is still running (its id and status). */
export type SearchOutcome = (
  { finished: true; job: SearchJobDto } | { finished: false; accepted: SearchAcceptedDto }
) & {
  /** Value for `Preference-Applied` when the client's `Prefer` header was honoured. */
  preferenceApplied: string | null;
};

/** Owner-scoped search jobs: every call names the caller, and the search service enforces it too. */
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
    ownerId: number,
    dto: SubmitSearchDto,
    preferHeader: string | string[] | undefined,
  ): Promise<SearchOutcome> {
    const { waitMs, applied } = parseWaitPreference(preferHeader, this.config.waitMs);
    if (dto.algorithm !== undefined) {
      await this.algorithms.assertKnown(dto.algorithm);
    }
    const { job } = await this.client.search(toSearchRequest(ownerId, dto, waitMs));
    if (!job) {
      throw new Error('The search service answered a search without its job');
    }
    return isTerminalStatus(job.status)
      ? { finished: true, job: toJobDto(job), preferenceApplied: applied }
      : { finished: false, accepted: toAcceptedDto(job), preferenceApplied: applied };
  }

  async getJob(ownerId: number, jobId: string): Promise<SearchJobDto> {
    return toJobDto(await this.client.getJob({ jobId, ownerId, omitResults: false }));
  }

  async listJobs(ownerId: number, query: ListJobsQueryDto): Promise<SearchJobListDto> {
    const request = toListJobsRequest(ownerId, query);
    if (request.createdAfter && request.createdBefore && request.createdAfter > request.createdBefore) {
      throw new BadRequestException('start_date must not be after end_date');
    }
    return toJobListDto(await this.client.listJobs(request));
  }

  async retryJob(ownerId: number, jobId: string): Promise<SearchJobDto> {
    return toJobDto(await this.client.retryJob({ jobId, ownerId }));
  }

  async cancelJob(ownerId: number, jobId: string): Promise<SearchJobDto> {
    return toJobDto(await this.client.cancelJob({ jobId, ownerId }));
  }

  async listAlgorithms(): Promise<AlgorithmListDto> {
    return { algorithms: (await this.algorithms.list()).map(toAlgorithmDto) };
  }
}
