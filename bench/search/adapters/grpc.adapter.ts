import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import {
  createClients,
  SearchServiceClients,
  tokenMetadata,
  unary,
} from '../../../search-service/test/support/grpc-clients';
import { JobEventRecorder } from '../../../search-service/test/support/job-events';
import {
  removeSearchServiceData,
  RunningSearchService,
  startSearchService,
} from '../../../search-service/test/support/search-service-process';
import { BenchDocument } from '../corpus';
import { BenchAdapter, TOP_K } from './bench-adapter';

const OWNER = 1;
const BATCH = 500;
const CALL_TIMEOUT_MS = 120_000;

interface SubmittedJob {
  id: string;
  status: JobStatus;
  results: Array<{ videoId: number }>;
}

/**
 * Our engine end to end: the built search service (`npm run build:search` first) as a child process on a
 * free port, fed through IndexService.UpsertVideos, queried through SearchService.SubmitSearch; a query's
 * latency runs from submit until its results are back (at once when the job finished within the call,
 * else after the WatchJobs completion event and a GetJob). Memory figures are the client's, not the
 * service's.
 */
export class GrpcAdapter implements BenchAdapter {
  readonly name = 'ours-grpc';
  readonly version = 'search service over gRPC (auto)';
  private service: RunningSearchService | null = null;
  private clients: SearchServiceClients | null = null;
  private events: JobEventRecorder | null = null;

  async build(documents: BenchDocument[]): Promise<void> {
    this.service = await startSearchService();
    this.clients = createClients(this.service.url);
    for (let start = 0; start < documents.length; start += BATCH) {
      const videos = documents.slice(start, start + BATCH).map((document) => ({
        ownerId: OWNER,
        videoId: document.id,
        version: 1,
        title: document.title,
        description: document.description,
        tags: document.tags,
        duration: document.duration,
      }));
      await unary(this.clients.index, 'upsertVideos', { videos }, this.metadata(), CALL_TIMEOUT_MS);
    }
    this.events = new JobEventRecorder(this.clients.search, { ownerId: OWNER }, this.service.token);
  }

  async search(text: string): Promise<number[]> {
    const { search } = this.connected();
    const job = await unary<SubmittedJob>(
      search,
      'submitSearch',
      { ownerId: OWNER, query: text, limit: TOP_K },
      this.metadata(),
    );
    if (job.status === JobStatus.JOB_STATUS_COMPLETED) {
      return job.results.map((result) => result.videoId);
    }
    await (this.events as JobEventRecorder).next(
      (event) => event.jobId === job.id && event.status === JobStatus.JOB_STATUS_COMPLETED,
    );
    const done = await unary<SubmittedJob>(search, 'getJob', { jobId: job.id, ownerId: OWNER }, this.metadata());
    return done.results.map((result) => result.videoId);
  }

  async close(): Promise<void> {
    this.clients?.close();
    if (this.service) {
      await this.service.stop();
      await removeSearchServiceData(this.service.dataDir);
    }
  }

  private connected(): SearchServiceClients {
    if (!this.clients) {
      throw new Error('build() first');
    }
    return this.clients;
  }

  private metadata(): ReturnType<typeof tokenMetadata> {
    return tokenMetadata(this.service?.token);
  }
}
