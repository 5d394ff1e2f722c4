import { Inject, Injectable } from '@nestjs/common';
import type {
  Click,
  GetJobRequest,
  JobRef,
  ListAlgorithmsResponse,
  ListJobsRequest,
  ListJobsResponse,
  RecordClickRequest,
  SearchJob,
  SubmitSearchRequest,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException, SearchExceptionCode } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { JobEventsBus } from './job-events.bus';
import { jobIdTime, newJobId } from './job-id';
import { JobOutcomeWaiter } from './job-outcome.waiter';
import { JobRecorder } from './job-recorder';
import { assertOwner, NewJob, validateClick, validateListQuery, validateSubmit } from './job-request.validator';
import { canApply, JobTransition } from './job-state';
import { JobWorkerPool } from './job-worker-pool';
import { toSearchJob } from './job.mapper';
import { JobPatch, JobsRepository } from './jobs.repository';
import { SearchClicksRepository } from './search-clicks.repository';
import { SearchJobEntity } from './search-job.entity';

export const JOB_NOT_FOUND = 'Search job not found';

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly events: JobEventsBus,
    private readonly workers: JobWorkerPool,
    private readonly recorder: JobRecorder,
    private readonly waiter: JobOutcomeWaiter,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly clicks: SearchClicksRepository,
  ) {}

  async submit(request: SubmitSearchRequest): Promise<SearchJob> {
    return toSearchJob(await this.enqueue(validateSubmit(request, this.engine.algorithms())), true);
  }

  /** The job is durable before the caller hears of it, so an acknowledged search survives a crash. */
  async enqueue(input: NewJob): Promise<SearchJobEntity> {
    const now = new Date().toISOString();
    const job: SearchJobEntity = {
      id: newJobId(),
      ...input,
      status: 'queued',
      resultCount: 0,
      estimatedTotalHits: 0,
      facetDistribution: null,
      results: null,
      error: null,
      attempts: 0,
      createdAt: now,
      startedAt: null,
      completedAt: null,
      updatedAt: now,
      durationMs: null,
      claimedBy: null,
      claimedAt: null,
    };
    await this.jobs.insert(job);
    this.events.publish(job);
    this.workers.wake();
    return job;
  }

  async get(request: GetJobRequest): Promise<SearchJob> {
    return toSearchJob(await this.findOwned(request), !request.omitResults);
  }

  /** Lists this process's answered searches too: their pending records are written first. */
  async list(request: ListJobsRequest): Promise<ListJobsResponse> {
    const query = validateListQuery(request);
    await this.recorder.drain();
    const [jobs, total] = await this.jobs.list(query);
    return {
      jobs: jobs.map((job) => toSearchJob(job, false)),
      total,
      page: query.page,
      perPage: query.perPage,
    };
  }

  /** A running job cannot be interrupted mid-search; cancelling it makes its worker discard the outcome. */
  cancel(ref: JobRef): Promise<SearchJob> {
    return this.change(
      ref,
      'cancel',
      { completedAt: new Date().toISOString() },
      'Only queued or processing jobs can be cancelled',
    );
  }

  /** Attempts are kept so the history of a job shows how often it ran. */
  retry(ref: JobRef): Promise<SearchJob> {
    return this.change(
      ref,
      'retry',
      {
        results: null,
        resultCount: 0,
        estimatedTotalHits: 0,
        facetDistribution: null,
        error: null,
        completedAt: null,
        durationMs: null,
        claimedBy: null,
        claimedAt: null,
      },
      'Only failed or cancelled jobs can be retried',
    );
  }

  /** Only a result the job returned can be clicked; the job may still be waiting in the recorder. */
  async recordClick(request: RecordClickRequest): Promise<Click> {
    validateClick(request);
    const job = await this.findOwned(request);
    if (!(job.results ?? []).some((result) => result.videoId === request.videoId)) {
      throw SearchException.invalidArgument(`video_id ${request.videoId} is not among the results of this job`);
    }
    const click = {
      jobId: job.id,
      ownerId: job.ownerId,
      videoId: request.videoId,
      position: request.position,
      clickedAt: new Date().toISOString(),
    };
    await this.clicks.insert({ ...click });
    return { jobId: click.jobId, videoId: click.videoId, position: click.position, clickedAt: click.clickedAt };
  }

  algorithms(): ListAlgorithmsResponse {
    return { algorithms: this.engine.algorithms() };
  }

  private async change(ref: JobRef, transition: JobTransition, patch: JobPatch, refusal: string): Promise<SearchJob> {
    const job = await this.findOwned(ref);
    if (canApply(transition, job.status)) {
      await this.ensureRecorded(job.id);
    }
    if (!canApply(transition, job.status) || !(await this.jobs.transition(job.id, transition, patch))) {
      const current = (await this.jobs.findById(job.id)) ?? job;
      throw SearchException.failedPrecondition(`${refusal}; this job is ${current.status}`);
    }
    const updated = (await this.jobs.findById(job.id)) as SearchJobEntity;
    this.events.publish(updated);
    if (transition === 'retry') {
      this.workers.wake();
    }
    return toSearchJob(updated, true);
  }

  /** A transition is a conditional UPDATE, so a job answered at once must be in the table first. */
  private async ensureRecorded(id: string): Promise<void> {
    if (this.recorder.find(id) === undefined) {
      return;
    }
    await this.recorder.drain();
    if (this.recorder.find(id) !== undefined) {
      throw new SearchException(SearchExceptionCode.Unavailable, 'This job is not recorded yet; try again shortly');
    }
  }

  async findOwned(ref: { jobId: string; ownerId: number }): Promise<SearchJobEntity> {
    assertOwner(ref.ownerId);
    if (ref.jobId === '') {
      throw SearchException.notFound(JOB_NOT_FOUND);
    }
    const pending = this.recorder.find(ref.jobId);
    if (pending?.ownerId === ref.ownerId) {
      return pending;
    }
    const job =
      pending === undefined
        ? ((await this.jobs.findForOwner(ref.jobId, ref.ownerId)) ?? (await this.findRecordedElsewhere(ref)))
        : null;
    if (!job) {
      throw SearchException.notFound(JOB_NOT_FOUND);
    }
    return job;
  }

  /**
   * On a shared database, another replica may have answered this job a moment ago without having written it yet.
   * A job id younger than that replica's recording window is looked for once more after its record is announced
   * (or the window is over); an id that names no job pays that wait, only while it is that young.
   */
  private async findRecordedElsewhere(ref: { jobId: string; ownerId: number }): Promise<SearchJobEntity | null> {
    const madeAt = jobIdTime(ref.jobId);
    if (!this.jobs.isShared || madeAt === null) {
      return null;
    }
    const window = this.recorder.visibilityWindowMs;
    const remaining = Math.min(window, madeAt + window - Date.now());
    if (remaining <= 0) {
      return null;
    }
    await this.waiter.waitForFinish(ref.jobId, remaining);
    return this.jobs.findForOwner(ref.jobId, ref.ownerId);
  }
}
