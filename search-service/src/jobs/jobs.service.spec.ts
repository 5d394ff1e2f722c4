import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchExceptionCode } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import type { JobEventsBus } from './job-events.bus';
import { newJobId } from './job-id';
import type { JobOutcomeWaiter } from './job-outcome.waiter';
import type { JobRecorder } from './job-recorder';
import type { JobState } from './job-state';
import type { JobWorkerPool } from './job-worker-pool';
import type { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';
import type { SearchClicksRepository } from './search-clicks.repository';
import type { SearchJobEntity } from './search-job.entity';

function stored(status: JobState, overrides: Partial<SearchJobEntity> = {}): SearchJobEntity {
  return {
    id: 'job-1',
    ownerId: 1,
    query: 'cats',
    algorithm: 'auto',
    filters: { videoIds: [], tags: [] },
    limit: 20,
    queryKey: 'cats',
    offset: 0,
    facets: [],
    sort: [],
    highlight: null,
    status,
    resultCount: 0,
    estimatedTotalHits: 0,
    facetDistribution: null,
    results: null,
    error: null,
    attempts: 1,
    createdAt: '2026-11-26T10:00:00.000Z',
    startedAt: null,
    completedAt: null,
    updatedAt: '2026-11-26T10:00:00.000Z',
    durationMs: null,
    explain: false,
    claimedBy: null,
    claimedAt: null,
    ...overrides,
  };
}

describe('JobsService', () => {
  let jobs: jest.Mocked<Pick<JobsRepository, 'insert' | 'findById' | 'findForOwner' | 'transition' | 'list'>> & {
    isShared: boolean;
  };
  let events: jest.Mocked<Pick<JobEventsBus, 'publish'>>;
  let workers: jest.Mocked<Pick<JobWorkerPool, 'wake'>>;
  let recorder: jest.Mocked<Pick<JobRecorder, 'find' | 'drain'>> & { visibilityWindowMs: number };
  let waiter: jest.Mocked<Pick<JobOutcomeWaiter, 'waitForFinish'>>;
  let clicks: jest.Mocked<Pick<SearchClicksRepository, 'insert'>>;
  let sut: JobsService;

  beforeEach(() => {
    jobs = {
      insert: jest.fn().mockResolvedValue(undefined),
      findById: jest.fn(),
      findForOwner: jest.fn(),
      transition: jest.fn().mockResolvedValue(true),
      list: jest.fn().mockResolvedValue([[], 0]),
      isShared: false,
    };
    events = { publish: jest.fn() };
    workers = { wake: jest.fn() };
    recorder = { find: jest.fn(), drain: jest.fn().mockResolvedValue(undefined), visibilityWindowMs: 1000 };
    waiter = { waitForFinish: jest.fn().mockResolvedValue(undefined) };
    clicks = { insert: jest.fn().mockResolvedValue(undefined) };
    const engine = { algorithms: () => [{ name: 'auto', description: 'default', isDefault: true }] };
    sut = new JobsService(
      jobs as unknown as JobsRepository,
      events as unknown as JobEventsBus,
      workers as unknown as JobWorkerPool,
      recorder as unknown as JobRecorder,
      waiter as unknown as JobOutcomeWaiter,
      engine as unknown as SearchEngine,
      clicks as unknown as SearchClicksRepository,
    );
  });

  describe('submit', () => {
    it('persists the job as queued before answering, then announces it and wakes the workers', async () => {
      const job = await sut.submit({ ownerId: 1, query: ' cats ', algorithm: '', filters: undefined, limit: 0 });
      expect(jobs.insert).toHaveBeenCalledWith(
        expect.objectContaining({
          id: job.id,
          ownerId: 1,
          query: 'cats',
          algorithm: 'auto',
          limit: 20,
          status: 'queued',
        }),
      );
      expect(job.status).toBe(JobStatus.JOB_STATUS_QUEUED);
      expect(events.publish).toHaveBeenCalledTimes(1);
      expect(workers.wake).toHaveBeenCalledTimes(1);
    });

    it('does not acknowledge a job it could not persist', async () => {
      jobs.insert.mockRejectedValue(new Error('database is locked'));
      await expect(
        sut.submit({ ownerId: 1, query: 'cats', algorithm: '', filters: undefined, limit: 0 }),
      ).rejects.toThrow('database is locked');
      expect(events.publish).not.toHaveBeenCalled();
    });
  });

  describe('recordClick', () => {
    const result = { videoId: 3, title: 'Cats', relevanceScore: 1, matchedText: 'Cats', matchedFields: ['title'] };
    const click = { jobId: 'job-1', ownerId: 1, videoId: 3, position: 2 };

    it('records a click on a result of the job and answers it with its time', async () => {
      jobs.findForOwner.mockResolvedValue(stored('completed', { results: [result] }));
      const answer = await sut.recordClick(click);
      expect(answer).toEqual({ jobId: 'job-1', videoId: 3, position: 2, clickedAt: expect.any(String) as string });
      expect(clicks.insert).toHaveBeenCalledWith({ ...click, clickedAt: answer.clickedAt });
    });

    it('records a click on a job answered at once that is not written yet', async () => {
      recorder.find.mockReturnValue(stored('completed', { results: [result] }));
      await sut.recordClick(click);
      expect(clicks.insert).toHaveBeenCalledTimes(1);
    });

    it('answers NOT_FOUND for another owner’s job, recording nothing', async () => {
      jobs.findForOwner.mockResolvedValue(null);
      await expect(sut.recordClick({ ...click, ownerId: 2 })).rejects.toMatchObject({
        code: SearchExceptionCode.NotFound,
      });
      expect(clicks.insert).not.toHaveBeenCalled();
    });

    it('refuses a video the job did not return, and position 0, with INVALID_ARGUMENT', async () => {
      jobs.findForOwner.mockResolvedValue(stored('completed', { results: [result] }));
      await expect(sut.recordClick({ ...click, videoId: 4 })).rejects.toMatchObject({
        code: SearchExceptionCode.InvalidArgument,
        message: 'video_id 4 is not among the results of this job',
      });
      await expect(sut.recordClick({ ...click, position: 0 })).rejects.toMatchObject({
        code: SearchExceptionCode.InvalidArgument,
      });
      expect(clicks.insert).not.toHaveBeenCalled();
    });
  });

  describe('get', () => {
    it('answers NOT_FOUND for another owner’s job', async () => {
      jobs.findForOwner.mockResolvedValue(null);
      await expect(sut.get({ jobId: 'job-1', ownerId: 2, omitResults: false })).rejects.toMatchObject({
        code: SearchExceptionCode.NotFound,
        message: 'Search job not found',
      });
      expect(jobs.findForOwner).toHaveBeenCalledWith('job-1', 2);
    });

    it('serves a job answered at once from the recorder before its batch is written', async () => {
      recorder.find.mockReturnValue(stored('completed', { results: [] }));
      await expect(sut.get({ jobId: 'job-1', ownerId: 1, omitResults: false })).resolves.toMatchObject({
        id: 'job-1',
        status: JobStatus.JOB_STATUS_COMPLETED,
      });
      expect(jobs.findForOwner).not.toHaveBeenCalled();
    });

    it('hides another owner’s unwritten job too', async () => {
      recorder.find.mockReturnValue(stored('completed'));
      await expect(sut.get({ jobId: 'job-1', ownerId: 2, omitResults: false })).rejects.toMatchObject({
        code: SearchExceptionCode.NotFound,
      });
      expect(jobs.findForOwner).not.toHaveBeenCalled();
    });

    it('looks again for a fresh job another replica may not have written yet, once its record is announced', async () => {
      jobs.isShared = true;
      const id = newJobId(Date.now() - 200);
      jobs.findForOwner.mockResolvedValueOnce(null).mockResolvedValueOnce(stored('completed', { id }));
      await expect(sut.get({ jobId: id, ownerId: 1, omitResults: false })).resolves.toMatchObject({ id });
      const [waitedFor, budgetMs] = waiter.waitForFinish.mock.calls[0];
      expect(waitedFor).toBe(id);
      expect(budgetMs).toBeGreaterThan(0);
      expect(budgetMs).toBeLessThanOrEqual(800);
    });

    it.each([
      ['an old job id', () => newJobId(Date.now() - 5000), true],
      ['a job id without a time', () => '0b6b1f4e-54f5-4a52-8a3b-1f7b0d1e9c2a', true],
      ['a fresh job id on a database of its own', () => newJobId(), false],
    ])('answers NOT_FOUND at once for %s', async (_case, id, shared) => {
      jobs.isShared = shared;
      jobs.findForOwner.mockResolvedValue(null);
      await expect(sut.get({ jobId: id(), ownerId: 1, omitResults: false })).rejects.toMatchObject({
        code: SearchExceptionCode.NotFound,
      });
      expect(waiter.waitForFinish).not.toHaveBeenCalled();
    });
  });

  describe('list', () => {
    it('writes the jobs answered at once before reading the table', async () => {
      const order: string[] = [];
      recorder.drain.mockImplementation(() => Promise.resolve(void order.push('drain')));
      jobs.list.mockImplementation(() => Promise.resolve(void order.push('list')).then(() => [[], 0]));
      await sut.list({
        ownerId: 1,
        statuses: [],
        createdAfter: '',
        createdBefore: '',
        queryContains: '',
        page: 0,
        perPage: 0,
      });
      expect(order).toEqual(['drain', 'list']);
    });
  });

  describe('cancel', () => {
    it.each<JobState>(['queued', 'processing'])('cancels a %s job and announces it', async (state) => {
      jobs.findForOwner.mockResolvedValue(stored(state));
      jobs.findById.mockResolvedValue(stored('cancelled'));
      await expect(sut.cancel({ jobId: 'job-1', ownerId: 1 })).resolves.toMatchObject({
        status: JobStatus.JOB_STATUS_CANCELLED,
      });
      expect(jobs.transition).toHaveBeenCalledWith('job-1', 'cancel', expect.any(Object));
      expect(events.publish).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' }));
    });

    it.each<JobState>(['completed', 'failed', 'cancelled'])(
      'refuses a %s job with FAILED_PRECONDITION',
      async (state) => {
        jobs.findForOwner.mockResolvedValue(stored(state));
        jobs.findById.mockResolvedValue(stored(state));
        await expect(sut.cancel({ jobId: 'job-1', ownerId: 1 })).rejects.toMatchObject({
          code: SearchExceptionCode.FailedPrecondition,
        });
        expect(jobs.transition).not.toHaveBeenCalled();
      },
    );

    it('refuses a completed job answered at once without waiting for its record', async () => {
      recorder.find.mockReturnValue(stored('completed'));
      await expect(sut.cancel({ jobId: 'job-1', ownerId: 1 })).rejects.toMatchObject({
        code: SearchExceptionCode.FailedPrecondition,
        message: 'Only queued or processing jobs can be cancelled; this job is completed',
      });
      expect(recorder.drain).not.toHaveBeenCalled();
      expect(jobs.transition).not.toHaveBeenCalled();
    });

    it('refuses when the job finished between the read and the update', async () => {
      jobs.findForOwner.mockResolvedValue(stored('processing'));
      jobs.transition.mockResolvedValue(false);
      jobs.findById.mockResolvedValue(stored('completed'));
      await expect(sut.cancel({ jobId: 'job-1', ownerId: 1 })).rejects.toMatchObject({
        code: SearchExceptionCode.FailedPrecondition,
        message: 'Only queued or processing jobs can be cancelled; this job is completed',
      });
      expect(events.publish).not.toHaveBeenCalled();
    });
  });

  describe('retry', () => {
    it.each<JobState>(['failed', 'cancelled'])('requeues a %s job, keeping its attempts', async (state) => {
      jobs.findForOwner.mockResolvedValue(stored(state, { attempts: 2 }));
      jobs.findById.mockResolvedValue(stored('queued', { attempts: 2 }));
      await expect(sut.retry({ jobId: 'job-1', ownerId: 1 })).resolves.toMatchObject({
        status: JobStatus.JOB_STATUS_QUEUED,
        attempts: 2,
      });
      expect(jobs.transition).toHaveBeenCalledWith(
        'job-1',
        'retry',
        expect.objectContaining({ results: null, error: null, completedAt: null }),
      );
      expect(workers.wake).toHaveBeenCalled();
    });

    it('writes a failed job answered at once before requeueing it', async () => {
      const pending = stored('failed', { attempts: 1 });
      recorder.find.mockReturnValueOnce(pending).mockReturnValueOnce(pending).mockReturnValue(undefined);
      jobs.findById.mockResolvedValue(stored('queued', { attempts: 1 }));
      await expect(sut.retry({ jobId: 'job-1', ownerId: 1 })).resolves.toMatchObject({
        status: JobStatus.JOB_STATUS_QUEUED,
      });
      expect(recorder.drain).toHaveBeenCalledTimes(1);
      expect(recorder.drain.mock.invocationCallOrder[0]).toBeLessThan(jobs.transition.mock.invocationCallOrder[0]);
    });

    it('answers UNAVAILABLE when a failed job answered at once cannot be written yet', async () => {
      recorder.find.mockReturnValue(stored('failed'));
      await expect(sut.retry({ jobId: 'job-1', ownerId: 1 })).rejects.toMatchObject({
        code: SearchExceptionCode.Unavailable,
      });
      expect(jobs.transition).not.toHaveBeenCalled();
    });

    it.each<JobState>(['queued', 'processing', 'completed'])('refuses a %s job', async (state) => {
      jobs.findForOwner.mockResolvedValue(stored(state));
      jobs.findById.mockResolvedValue(stored(state));
      await expect(sut.retry({ jobId: 'job-1', ownerId: 1 })).rejects.toMatchObject({
        code: SearchExceptionCode.FailedPrecondition,
      });
    });
  });
});
