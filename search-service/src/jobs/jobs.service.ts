import { Inject, Injectable } from '@nestjs/common';
import type {
  GetJobRequest,
  JobRef,
  ListAlgorithmsResponse,
  ListJobsRequest,
  ListJobsResponse,
  SearchJob,
  SubmitSearchRequest,
} from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchException } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { randomUUID } from 'node:crypto';
import { JobEventsBus } from './job-events.bus';
import { assertOwner, validateListQuery, validateSubmit } from './job-request.validator';
import { canApply, JobTransition } from './job-state';
import { JobWorkerPool } from './job-worker-pool';
import { toSearchJob } from './job.mapper';
import { JobPatch, JobsRepository } from './jobs.repository';
import { SearchJobEntity } from './search-job.entity';

export const JOB_NOT_FOUND = 'Search job not found';

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly events: JobEventsBus,
    private readonly workers: JobWorkerPool,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  /** The job is durable before the caller hears of it, so an acknowledged search survives a crash. */
  async submit(request: SubmitSearchRequest): Promise<SearchJob> {
    const input = validateSubmit(request, this.engine.algorithms());
    const now = new Date().toISOString();
    const job: SearchJobEntity = {
      id: randomUUID(),
      ...input,
      status: 'queued',
      resultCount: 0,
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
    return toSearchJob(job, true);
  }

  async get(request: GetJobRequest): Promise<SearchJob> {
    return toSearchJob(await this.findOwned(request), !request.omitResults);
  }

  async list(request: ListJobsRequest): Promise<ListJobsResponse> {
    const query = validateListQuery(request);
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
        error: null,
        completedAt: null,
        durationMs: null,
        claimedBy: null,
        claimedAt: null,
      },
      'Only failed or cancelled jobs can be retried',
    );
  }

  algorithms(): ListAlgorithmsResponse {
    return { algorithms: this.engine.algorithms() };
  }

  private async change(ref: JobRef, transition: JobTransition, patch: JobPatch, refusal: string): Promise<SearchJob> {
    const job = await this.findOwned(ref);
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

  private async findOwned(ref: { jobId: string; ownerId: number }): Promise<SearchJobEntity> {
    assertOwner(ref.ownerId);
    const job = ref.jobId === '' ? null : await this.jobs.findForOwner(ref.jobId, ref.ownerId);
    if (!job) {
      throw SearchException.notFound(JOB_NOT_FOUND);
    }
    return job;
  }
}
