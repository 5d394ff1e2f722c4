import { JobStatus, type JobEvent } from '@proto/gen/ts/videosearch/search/v1/search';
import { Subject } from 'rxjs';
import type { JobEventsBus } from './job-events.bus';
import { JobOutcomeWaiter } from './job-outcome.waiter';

function event(jobId: string, status: JobStatus): JobEvent {
  return {
    jobId,
    ownerId: 1,
    status,
    resultCount: 0,
    durationMs: 0,
    error: '',
    query: 'cats',
    algorithm: 'auto',
    occurredAt: '2026-11-26T10:00:00.000Z',
    resync: false,
  };
}

describe('JobOutcomeWaiter', () => {
  let bus: Subject<JobEvent>;
  let sut: JobOutcomeWaiter;
  let settled: boolean;

  const wait = (jobId: string, budgetMs: number): Promise<void> => {
    settled = false;
    return sut.waitForFinish(jobId, budgetMs).then(() => {
      settled = true;
    });
  };

  beforeEach(() => {
    jest.useFakeTimers();
    bus = new Subject<JobEvent>();
    sut = new JobOutcomeWaiter({ events: () => bus.asObservable() } as unknown as JobEventsBus);
  });

  afterEach(() => jest.useRealTimers());

  it('resolves when the job finishes, whichever way', async () => {
    for (const status of [
      JobStatus.JOB_STATUS_COMPLETED,
      JobStatus.JOB_STATUS_FAILED,
      JobStatus.JOB_STATUS_CANCELLED,
    ]) {
      const waiting = wait('job-1', 10_000);
      bus.next(event('job-1', status));
      await waiting;
      expect(settled).toBe(true);
    }
  });

  it('keeps waiting through other jobs and unfinished states', async () => {
    const waiting = wait('job-1', 10_000);
    bus.next(event('job-2', JobStatus.JOB_STATUS_COMPLETED));
    bus.next(event('job-1', JobStatus.JOB_STATUS_PROCESSING));
    await jest.advanceTimersByTimeAsync(1000);
    expect(settled).toBe(false);
    bus.next(event('job-1', JobStatus.JOB_STATUS_COMPLETED));
    await waiting;
  });

  it('gives up when the budget runs out', async () => {
    const waiting = wait('job-1', 500);
    await jest.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await waiting;
    expect(settled).toBe(true);
  });

  it('stops waiting when the bus closes at shutdown', async () => {
    const waiting = wait('job-1', 10_000);
    bus.complete();
    await waiting;
    expect(settled).toBe(true);
  });

  it('does not wait at all without a budget', async () => {
    await wait('job-1', 0);
    expect(settled).toBe(true);
    expect(bus.observed).toBe(false);
  });
});
