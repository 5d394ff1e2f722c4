import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import { ListJobsQueryDto, SubmitSearchDto } from './dto/search-request.dto';
import { AlgorithmListDto, SearchAcceptedDto, SearchJobDto, SearchJobListDto } from './dto/search-response.dto';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { JobWaiter } from './job-waiter.service';
import { parseWaitPreference } from './prefer-wait.util';
import { SearchConfig, searchConfig } from './search.config';
import {
  toAcceptedDto,
  toAlgorithmDto,
  toJobDto,
  toJobListDto,
  toListJobsRequest,
  toSubmitSearchRequest,
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
    private readonly waiter: JobWaiter,
    private readonly algorithms: AlgorithmCatalog,
    @Inject(searchConfig.KEY) private readonly config: SearchConfig,
  ) {}

  /**
   * Submits, then waits for the job to finish: `SEARCH_WAIT_MS`, or what `Prefer: wait=N` asks
   * (0..30 s). A job that failed or was cancelled within the wait is also returned whole (200 with
   * its status and error): the request itself succeeded, and the client learns the outcome at once.
   */
  async search(
    ownerId: number,
    dto: SubmitSearchDto,
    preferHeader: string | string[] | undefined,
  ): Promise<SearchOutcome> {
    const { waitMs, applied } = parseWaitPreference(preferHeader, this.config.waitMs);
    await this.algorithms.assertKnown(dto.algorithm);
    const submitted = await this.client.submitSearch(toSubmitSearchRequest(ownerId, dto));
    const finalStatus = await this.waiter.waitForFinish(submitted.id, ownerId, waitMs);
    if (finalStatus === null) {
      return { finished: false, accepted: toAcceptedDto(submitted), preferenceApplied: applied };
    }
    try {
      const job = await this.client.getJob({ jobId: submitted.id, ownerId, omitResults: false });
      return { finished: true, job: toJobDto(job), preferenceApplied: applied };
    } catch {
      // The job is accepted and finished; if its results cannot be fetched right now, the client
      // still gets its id and reads them later rather than losing the search.
      return {
        finished: false,
        accepted: toAcceptedDto({ id: submitted.id, status: finalStatus }),
        preferenceApplied: applied,
      };
    }
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
