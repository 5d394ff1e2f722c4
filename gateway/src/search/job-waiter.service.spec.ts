import { JobEvent, JobStatus, SearchJob } from '@proto/gen/ts/videosearch/search/v1/search';
import { Subject } from 'rxjs';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { JobEventsService } from './job-events.service';
import { JobWaiter } from './job-waiter.service';

const JOB_ID = 'c8d3c9a4-8f0b-4a43-9a53-0b8f0c3f8e1d';

function statusEvent(jobId: string, status: JobStatus): JobEvent {
  return {
    jobId,
    ownerId: 1,
    status,
    resultCount: 0,
    durationMs: 0,
    error: '',
    query: 'q',
    algorithm: 'auto',
    occurredAt: new Date().toISOString(),
    resync: false,
  };
}

describe(JobWaiter.name, () => {
  let sut: JobWaiter;
  let events: Subject<JobEvent>;
  let streaming: boolean;
  let remembered: JobStatus | undefined;
  let getJob: jest.Mock<Promise<Pick<SearchJob, 'status'>>, [unknown]>;

  beforeEach(() => {
    jest.useFakeTimers();
    events = new Subject<JobEvent>();
    streaming = true;
    remembered = undefined;
    getJob = jest.fn().mockResolvedValue({ status: JobStatus.JOB_STATUS_PROCESSING });
    const jobEvents = {
      events$: events.asObservable(),
      isStreaming: () => streaming,
      lastStatus: () => remembered,
    } as unknown as JobEventsService;
    sut = new JobWaiter({ getJob } as unknown as SearchGrpcClient, jobEvents);
  });

  afterEach(() => jest.useRealTimers());

  describe('waitForFinish', () => {
    it('does not wait at all with a zero budget', async () => {
      await expect(sut.waitForFinish(JOB_ID, 1, 0)).resolves.toBeNull();
      expect(getJob).not.toHaveBeenCalled();
    });

    it('answers as soon as the stream reports the job finished', async () => {
      const waiting = sut.waitForFinish(JOB_ID, 1, 2000);
      events.next(statusEvent('another-job', JobStatus.JOB_STATUS_COMPLETED));
      events.next(statusEvent(JOB_ID, JobStatus.JOB_STATUS_PROCESSING));
      events.next(statusEvent(JOB_ID, JobStatus.JOB_STATUS_COMPLETED));
      await expect(waiting).resolves.toBe(JobStatus.JOB_STATUS_COMPLETED);
      expect(getJob).not.toHaveBeenCalled();
    });

    it('reports a failed or cancelled job as finished too', async () => {
      const waiting = sut.waitForFinish(JOB_ID, 1, 2000);
      events.next(statusEvent(JOB_ID, JobStatus.JOB_STATUS_FAILED));
      await expect(waiting).resolves.toBe(JobStatus.JOB_STATUS_FAILED);
    });

    it('uses the status the stream delivered before the wait began', async () => {
      remembered = JobStatus.JOB_STATUS_COMPLETED;
      await expect(sut.waitForFinish(JOB_ID, 1, 2000)).resolves.toBe(JobStatus.JOB_STATUS_COMPLETED);
    });

    it('polls GetJob quickly, without results, while the stream is down', async () => {
      streaming = false;
      getJob
        .mockResolvedValueOnce({ status: JobStatus.JOB_STATUS_QUEUED })
        .mockResolvedValueOnce({ status: JobStatus.JOB_STATUS_COMPLETED });
      const waiting = sut.waitForFinish(JOB_ID, 1, 2000);
      await jest.advanceTimersByTimeAsync(350);
      await expect(waiting).resolves.toBe(JobStatus.JOB_STATUS_COMPLETED);
      expect(getJob).toHaveBeenCalledTimes(2);
      expect(getJob).toHaveBeenCalledWith({ jobId: JOB_ID, ownerId: 1, omitResults: true });
    });

    it('polls only as a slow safety net while the stream is up', async () => {
      const waiting = sut.waitForFinish(JOB_ID, 1, 2500);
      await jest.advanceTimersByTimeAsync(2500);
      await expect(waiting).resolves.toBeNull();
      expect(getJob).toHaveBeenCalledTimes(2);
    });

    it('keeps waiting through failed polls and gives up when the budget runs out', async () => {
      streaming = false;
      getJob.mockRejectedValue(new Error('Search service unavailable'));
      const waiting = sut.waitForFinish(JOB_ID, 1, 1000);
      await jest.advanceTimersByTimeAsync(1000);
      await expect(waiting).resolves.toBeNull();
      expect(getJob.mock.calls.length).toBeGreaterThanOrEqual(5);
    });
  });
});
