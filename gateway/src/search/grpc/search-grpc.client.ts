import { Metadata } from '@grpc/grpc-js';
import { HttpException, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import {
  HEALTH_SERVICE_NAME,
  HealthCheckResponse,
  HealthCheckResponse_ServingStatus,
  HealthClient,
} from '@proto/gen/ts/grpc/health/v1/health';
import {
  CheckPinsRequest,
  CreatePinRequest,
  DeleteVideosRequest,
  INDEX_SERVICE_NAME,
  IndexAck,
  IndexServiceClient,
  IndexStats,
  ListPinChecksRequest,
  ListPinChecksResponse,
  ListPinsResponse,
  Pin,
  PinRef,
  PinReport,
  ReindexOwnerRequest,
  SearchSettings,
  SETTINGS_SERVICE_NAME,
  SettingsServiceClient,
  SuggestReply,
  SuggestRequest,
  UpdateSearchSettingsRequest,
  UpsertVideosRequest,
} from '@proto/gen/ts/videosearch/search/v1/index';
import {
  Click,
  CompareResultsRequest,
  DiagnoseNoResultsRequest,
  GetJobRequest,
  JobEvent,
  JobRef,
  JobReplay,
  JobStats,
  JobStatsRequest,
  ListAlgorithmsResponse,
  ListJobsRequest,
  ListJobsResponse,
  NoResultDiagnosis,
  RecordClickRequest,
  ResultComparison,
  SEARCH_SERVICE_NAME,
  SearchJob,
  SearchReply,
  SearchRequest,
  SearchServiceClient,
  WatchJobsRequest,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { TaskCancelledError } from 'cockatiel';
import { Observable } from 'rxjs';
import { ErrorMessages, toHttpException } from '../grpc-status-to-http.util';
import { CallKind, SearchResiliencePolicy } from '../resilience/search-resilience.policy';
import { SearchConfig, searchConfig } from '../search.config';
import { WithCallOptions } from './call-options';
import { SEARCH_GRPC_CLIENT } from './search-grpc.options';

const SERVICE_TOKEN_HEADER = 'x-service-token';
const JOB_NOT_FOUND: ErrorMessages = { notFound: 'Search job not found' };
const PIN_NOT_FOUND: ErrorMessages = { notFound: 'Pin not found' };

/**
 * The gateway's only door to the search service. Every unary call carries the service token and a
 * deadline and runs through the resilience policy; failures leave as HTTP exceptions (see
 * grpc-status-to-http.util.ts), so callers never see a raw gRPC error.
 */
@Injectable()
export class SearchGrpcClient implements OnModuleInit {
  private searchService: WithCallOptions<SearchServiceClient>;
  private index: WithCallOptions<IndexServiceClient>;
  private settings: WithCallOptions<SettingsServiceClient>;
  private health: WithCallOptions<HealthClient>;

  constructor(
    @Inject(SEARCH_GRPC_CLIENT) private readonly client: ClientGrpc,
    @Inject(searchConfig.KEY) private readonly config: SearchConfig,
    private readonly policy: SearchResiliencePolicy,
  ) {}

  onModuleInit(): void {
    this.searchService = this.client.getService<WithCallOptions<SearchServiceClient>>(SEARCH_SERVICE_NAME);
    this.index = this.client.getService<WithCallOptions<IndexServiceClient>>(INDEX_SERVICE_NAME);
    this.settings = this.client.getService<WithCallOptions<SettingsServiceClient>>(SETTINGS_SERVICE_NAME);
    this.health = this.client.getService<WithCallOptions<HealthClient>>(HEALTH_SERVICE_NAME);
  }

  /** One call for a whole search; its deadline also covers the time the service may wait for the job. */
  search(request: SearchRequest): Promise<SearchReply> {
    return this.call(
      'write',
      (metadata, options) => this.searchService.search(request, metadata, options),
      undefined,
      request.waitMs,
    );
  }

  getJob(request: GetJobRequest): Promise<SearchJob> {
    return this.call(
      'read',
      (metadata, options) => this.searchService.getJob(request, metadata, options),
      JOB_NOT_FOUND,
    );
  }

  listJobs(request: ListJobsRequest): Promise<ListJobsResponse> {
    return this.call('read', (metadata, options) => this.searchService.listJobs(request, metadata, options));
  }

  retryJob(request: JobRef): Promise<SearchJob> {
    return this.call(
      'write',
      (metadata, options) => this.searchService.retryJob(request, metadata, options),
      JOB_NOT_FOUND,
    );
  }

  cancelJob(request: JobRef): Promise<SearchJob> {
    return this.call(
      'write',
      (metadata, options) => this.searchService.cancelJob(request, metadata, options),
      JOB_NOT_FOUND,
    );
  }

  /** Read-only: the service records nothing. FAILED_PRECONDITION (409) for a job still running. */
  replayJob(request: JobRef): Promise<JobReplay> {
    return this.call(
      'read',
      (metadata, options) => this.searchService.replayJob(request, metadata, options),
      JOB_NOT_FOUND,
    );
  }

  listAlgorithms(): Promise<ListAlgorithmsResponse> {
    return this.call('read', (metadata, options) => this.searchService.listAlgorithms({}, metadata, options));
  }

  getJobStats(request: JobStatsRequest): Promise<JobStats> {
    return this.call('read', (metadata, options) => this.searchService.getJobStats(request, metadata, options));
  }

  /** NOT_FOUND for a job the owner does not have or a video that does not match it; INVALID_ARGUMENT for a or b. */
  diagnoseNoResults(request: DiagnoseNoResultsRequest): Promise<NoResultDiagnosis> {
    return this.call('read', (metadata, options) => this.searchService.diagnoseNoResults(request, metadata, options));
  }

  compareResults(request: CompareResultsRequest): Promise<ResultComparison> {
    return this.call('read', (metadata, options) => this.searchService.compareResults(request, metadata, options));
  }

  /** NOT_FOUND for a job the owner does not have; INVALID_ARGUMENT for a video the job did not return. */
  recordClick(request: RecordClickRequest): Promise<Click> {
    return this.call(
      'write',
      (metadata, options) => this.searchService.recordClick(request, metadata, options),
      JOB_NOT_FOUND,
    );
  }

  suggest(request: SuggestRequest): Promise<SuggestReply> {
    return this.call('read', (metadata, options) => this.index.suggest(request, metadata, options));
  }

  getSearchSettings(ownerId: number): Promise<SearchSettings> {
    return this.call('read', (metadata, options) => this.settings.getSearchSettings({ ownerId }, metadata, options));
  }

  /** Replaces the owner's settings as a whole; INVALID_ARGUMENT (a 400) names the offending field. */
  updateSearchSettings(request: UpdateSearchSettingsRequest): Promise<SearchSettings> {
    return this.call('write', (metadata, options) => this.settings.updateSearchSettings(request, metadata, options));
  }

  createPin(request: CreatePinRequest): Promise<Pin> {
    return this.call('write', (metadata, options) => this.settings.createPin(request, metadata, options));
  }

  listPins(ownerId: number): Promise<ListPinsResponse> {
    return this.call('read', (metadata, options) => this.settings.listPins({ ownerId }, metadata, options));
  }

  deletePin(request: PinRef): Promise<Pin> {
    return this.call(
      'write',
      (metadata, options) => this.settings.deletePin(request, metadata, options),
      PIN_NOT_FOUND,
    );
  }

  /** Records when asked to, so it is a write. */
  checkPins(request: CheckPinsRequest): Promise<PinReport> {
    return this.call(request.record ? 'write' : 'read', (metadata, options) =>
      this.settings.checkPins(request, metadata, options),
    );
  }

  listPinChecks(request: ListPinChecksRequest): Promise<ListPinChecksResponse> {
    return this.call('read', (metadata, options) => this.settings.listPinChecks(request, metadata, options));
  }

  upsertVideos(request: UpsertVideosRequest): Promise<IndexAck> {
    return this.call('write', (metadata, options) => this.index.upsertVideos(request, metadata, options));
  }

  deleteVideos(request: DeleteVideosRequest): Promise<IndexAck> {
    return this.call('write', (metadata, options) => this.index.deleteVideos(request, metadata, options));
  }

  reindexOwner(request: ReindexOwnerRequest): Promise<IndexAck> {
    return this.call('write', (metadata, options) => this.index.reindexOwner(request, metadata, options));
  }

  getIndexStats(ownerId: number): Promise<IndexStats> {
    return this.call('read', (metadata, options) => this.index.getIndexStats({ ownerId }, metadata, options));
  }

  /** The standard `grpc.health.v1.Health/Check` for the whole server (empty service name). */
  async isServing(): Promise<boolean> {
    const reply: HealthCheckResponse = await this.call('read', (metadata, options) =>
      this.health.check({ service: '' }, metadata, options),
    );
    return reply.status === HealthCheckResponse_ServingStatus.SERVING;
  }

  /**
   * The long-lived job event stream. It has no deadline and bypasses the policy: it is meant to stay
   * open, and its owner (JobEventsService) reconnects with its own backoff.
   */
  watchJobs(request: WatchJobsRequest): Observable<JobEvent> {
    return this.searchService.watchJobs(request, this.metadata(), {});
  }

  /** Seconds a client should wait before trying again, for 503 answers raised outside a call. */
  retryAfterSeconds(): number {
    return this.policy.retryAfterSeconds();
  }

  private metadata(): Metadata {
    const metadata = new Metadata();
    metadata.set(SERVICE_TOKEN_HEADER, this.config.serviceToken);
    return metadata;
  }

  private async call<T>(
    kind: CallKind,
    invoke: (metadata: Metadata, options: { deadline: Date }) => Observable<T>,
    messages?: ErrorMessages,
    waitMs = 0,
  ): Promise<T> {
    try {
      return await this.policy.execute(
        kind,
        ({ signal, deadline }) => firstValueWithAbort(invoke(this.metadata(), { deadline }), signal),
        waitMs,
      );
    } catch (error) {
      throw error instanceof HttpException
        ? error
        : toHttpException(error, () => this.policy.retryAfterSeconds(), messages);
    }
  }
}

/** Resolves with the reply of a unary call; aborting unsubscribes, which cancels the gRPC call. */
function firstValueWithAbort<T>(source: Observable<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(new TaskCancelledError('Call cancelled before it started'));
      return;
    }
    const subscription = source.subscribe({
      next: (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error: (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
      complete: () => {
        signal.removeEventListener('abort', onAbort);
        reject(new Error('The search service closed the call without a reply'));
      },
    });
    // Only the policy's timeouts abort; this may settle before the policy's own rejection does, so it
    // must read as the same timeout.
    function onAbort(): void {
      subscription.unsubscribe();
      reject(new TaskCancelledError('Call cancelled by its deadline'));
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
