import { Controller } from '@nestjs/common';
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
  SearchJob,
  SearchReply,
  SearchRequest,
  SearchServiceController,
  SearchServiceControllerMethods,
  SubmitSearchRequest,
  WatchJobsRequest,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { NoResultDoctorService } from '@search/doctor/no-result-doctor.service';
import { Observable } from 'rxjs';
import { JobReplayService } from './job-replay.service';
import { JobStatsService } from './job-stats.service';
import { JobWatchService } from './job-watch.service';
import { JobsService } from './jobs.service';
import { OneCallSearchService } from './one-call-search.service';
import { ResultComparisonService } from './result-comparison.service';

@Controller()
@SearchServiceControllerMethods()
export class JobsController implements SearchServiceController {
  constructor(
    private readonly jobs: JobsService,
    private readonly watcher: JobWatchService,
    private readonly statistics: JobStatsService,
    private readonly searches: OneCallSearchService,
    private readonly comparisons: ResultComparisonService,
    private readonly replays: JobReplayService,
    private readonly doctor: NoResultDoctorService,
  ) {}

  search(request: SearchRequest): Promise<SearchReply> | SearchReply {
    return this.searches.search(request);
  }

  submitSearch(request: SubmitSearchRequest): Promise<SearchJob> {
    return this.jobs.submit(request);
  }

  getJob(request: GetJobRequest): Promise<SearchJob> {
    return this.jobs.get(request);
  }

  listJobs(request: ListJobsRequest): Promise<ListJobsResponse> {
    return this.jobs.list(request);
  }

  retryJob(request: JobRef): Promise<SearchJob> {
    return this.jobs.retry(request);
  }

  cancelJob(request: JobRef): Promise<SearchJob> {
    return this.jobs.cancel(request);
  }

  listAlgorithms(): ListAlgorithmsResponse {
    return this.jobs.algorithms();
  }

  getJobStats(request: JobStatsRequest): Promise<JobStats> {
    return this.statistics.stats(request);
  }

  recordClick(request: RecordClickRequest): Promise<Click> {
    return this.jobs.recordClick(request);
  }

  compareResults(request: CompareResultsRequest): Promise<ResultComparison> {
    return this.comparisons.compare(request);
  }

  replayJob(request: JobRef): Promise<JobReplay> {
    return this.replays.replay(request);
  }

  diagnoseNoResults(request: DiagnoseNoResultsRequest): Promise<NoResultDiagnosis> {
    return this.doctor.diagnose(request);
  }

  watchJobs(request: WatchJobsRequest): Observable<JobEvent> {
    return this.watcher.watch(request);
  }
}
