import { JobEvent, JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchExceptionCode } from '@search/common/search.exception';
import { Subject } from 'rxjs';
import type { JobEventsBus } from './job-events.bus';
import { JobWatchService } from './job-watch.service';
import type { JobsRepository } from './jobs.repository';
import type { SearchJobEntity } from './search-job.entity';

function event(jobId: string, ownerId: number, status = JobStatus.JOB_STATUS_QUEUED): JobEvent {
  return {
    jobId,
    ownerId,
    status,
    resultCount: 0,
    durationMs: 0,
    error: '',
    query: 'q',
    algorithm: 'auto',
    occurredAt: '2026-11-26T10:00:00.000Z',
    resync: false,
  };
}

function job(id: string, ownerId: number): SearchJobEntity {
  return { id, ownerId, status: 'processing', resultCount: 0, query: 'q', algorithm: 'auto' } as SearchJobEntity;
}

describe('JobWatchService', () => {
  let live: Subject<JobEvent>;
  let findForResync: jest.Mock;
  let sut: JobWatchService;

  beforeEach(() => {
    live = new Subject();
    findForResync = jest.fn().mockResolvedValue([]);
    sut = new JobWatchService(
      { events: () => live.asObservable() } as unknown as JobEventsBus,
      { findForResync } as unknown as JobsRepository,
    );
  });

  it('passes on one owner’s live events only', () => {
    const received: string[] = [];
    sut.watch({ ownerId: 1, includeCurrent: false, since: '' }).subscribe((e) => received.push(e.jobId));
    live.next(event('a', 1));
    live.next(event('b', 2));
    expect(received).toEqual(['a']);
  });

  it('passes on every owner’s events with owner 0', () => {
    const received: string[] = [];
    sut.watch({ ownerId: 0, includeCurrent: false, since: '' }).subscribe((e) => received.push(e.jobId));
    live.next(event('a', 1));
    live.next(event('b', 2));
    expect(received).toEqual(['a', 'b']);
  });

  it('replays current jobs first, marked resync, holding back live events until the replay is out', async () => {
    let resolveReplay: (jobs: SearchJobEntity[]) => void = () => undefined;
    findForResync.mockReturnValue(new Promise((resolve) => (resolveReplay = resolve)));
    const received: Array<[string, boolean]> = [];
    sut
      .watch({ ownerId: 1, includeCurrent: true, since: '2026-11-26T09:00:00Z' })
      .subscribe((e) => received.push([e.jobId, e.resync]));
    live.next(event('during-replay', 1));
    expect(received).toEqual([]);
    resolveReplay([job('current', 1)]);
    await new Promise((resolve) => setImmediate(resolve));
    live.next(event('after', 1));
    expect(received).toEqual([
      ['current', true],
      ['during-replay', false],
      ['after', false],
    ]);
    expect(findForResync).toHaveBeenCalledWith(1, '2026-11-26T09:00:00.000Z');
  });

  it('stops listening when the watcher goes away', () => {
    const subscription = sut.watch({ ownerId: 0, includeCurrent: false, since: '' }).subscribe();
    expect(live.observed).toBe(true);
    subscription.unsubscribe();
    expect(live.observed).toBe(false);
  });

  it('refuses a negative owner and a malformed since', () => {
    expect(() => sut.watch({ ownerId: -1, includeCurrent: false, since: '' })).toThrow(
      expect.objectContaining({ code: SearchExceptionCode.InvalidArgument }) as Error,
    );
    expect(() => sut.watch({ ownerId: 0, includeCurrent: true, since: 'soon' })).toThrow(
      expect.objectContaining({ code: SearchExceptionCode.InvalidArgument }) as Error,
    );
  });
});
