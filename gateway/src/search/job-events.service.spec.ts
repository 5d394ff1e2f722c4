import { Logger } from '@nestjs/common';
import { JobEvent, JobStatus, WatchJobsRequest } from '@proto/gen/ts/videosearch/search/v1/search';
import { Subject } from 'rxjs';
import { SearchGrpcClient } from './grpc/search-grpc.client';
import { JobEventsService } from './job-events.service';

function event(jobId: string, status: JobStatus, occurredAt: string, resync = false): JobEvent {
  return {
    jobId,
    ownerId: 1,
    status,
    resultCount: 0,
    durationMs: 0,
    error: '',
    query: 'q',
    algorithm: 'auto',
    occurredAt,
    resync,
  };
}

describe(JobEventsService.name, () => {
  let sut: JobEventsService;
  let streams: Array<Subject<JobEvent>>;
  let requests: WatchJobsRequest[];
  let received: JobEvent[];

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-26T12:00:00.000Z') });
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    streams = [];
    requests = [];
    const client = {
      watchJobs: jest.fn((request: WatchJobsRequest) => {
        requests.push(request);
        const stream = new Subject<JobEvent>();
        streams.push(stream);
        return stream.asObservable();
      }),
    } as unknown as SearchGrpcClient;
    sut = new JobEventsService(client);
    received = [];
    sut.events$.subscribe((e) => received.push(e));
    sut.onApplicationBootstrap();
  });

  afterEach(() => {
    sut.onModuleDestroy();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('opens one stream over every owner, asking for the current state', () => {
    expect(requests).toEqual([{ ownerId: 0, includeCurrent: true, since: '' }]);
    expect(sut.isStreaming()).toBe(true);
  });

  it('fans events out and remembers the last status of each job', () => {
    streams[0].next(event('a', JobStatus.JOB_STATUS_PROCESSING, '2026-11-26T12:00:01.000Z'));
    streams[0].next(event('a', JobStatus.JOB_STATUS_COMPLETED, '2026-11-26T12:00:02.000Z'));
    expect(received.map((e) => e.status)).toEqual([JobStatus.JOB_STATUS_PROCESSING, JobStatus.JOB_STATUS_COMPLETED]);
    expect(sut.lastStatus('a')).toBe(JobStatus.JOB_STATUS_COMPLETED);
    expect(sut.lastStatus('unknown')).toBeUndefined();
  });

  it('resubscribes with backoff after a drop, replaying from the last event minus a margin', () => {
    streams[0].next(event('a', JobStatus.JOB_STATUS_QUEUED, '2026-11-26T12:00:01.000Z'));
    streams[0].error(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }));
    expect(sut.isStreaming()).toBe(false);
    expect(requests).toHaveLength(1);
    jest.advanceTimersByTime(5000);
    expect(requests).toHaveLength(2);
    expect(requests[1]).toEqual({ ownerId: 0, includeCurrent: true, since: '2026-11-26T11:59:56.000Z' });
    expect(sut.isStreaming()).toBe(true);
  });

  it('drops replayed events already delivered but passes what was missed', () => {
    streams[0].next(event('a', JobStatus.JOB_STATUS_PROCESSING, '2026-11-26T12:00:01.000Z'));
    streams[0].complete();
    jest.advanceTimersByTime(5000);
    streams[1].next(event('a', JobStatus.JOB_STATUS_PROCESSING, '2026-11-26T12:00:01.000Z', true));
    streams[1].next(event('a', JobStatus.JOB_STATUS_COMPLETED, '2026-11-26T12:00:03.000Z', true));
    streams[1].next(event('a', JobStatus.JOB_STATUS_COMPLETED, '2026-11-26T12:00:03.000Z'));
    expect(received.map((e) => [e.status, e.resync])).toEqual([
      [JobStatus.JOB_STATUS_PROCESSING, false],
      [JobStatus.JOB_STATUS_COMPLETED, true],
    ]);
  });

  it('passes a retried job through its second run', () => {
    streams[0].next(event('a', JobStatus.JOB_STATUS_FAILED, '2026-11-26T12:00:01.000Z'));
    streams[0].next(event('a', JobStatus.JOB_STATUS_QUEUED, '2026-11-26T12:00:05.000Z'));
    streams[0].next(event('a', JobStatus.JOB_STATUS_PROCESSING, '2026-11-26T12:00:06.000Z'));
    streams[0].next(event('a', JobStatus.JOB_STATUS_FAILED, '2026-11-26T12:00:07.000Z'));
    expect(received).toHaveLength(4);
  });

  it('ignores a replay of an older state than the one delivered', () => {
    streams[0].next(event('a', JobStatus.JOB_STATUS_COMPLETED, '2026-11-26T12:00:03.000Z'));
    streams[0].next(event('a', JobStatus.JOB_STATUS_PROCESSING, '2026-11-26T12:00:01.000Z', true));
    expect(received).toHaveLength(1);
  });

  it('backs off further while the service stays away, within the cap', () => {
    const delays: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = requests.length;
      streams[streams.length - 1].error(new Error('14 UNAVAILABLE'));
      let waited = 0;
      while (requests.length === before) {
        jest.advanceTimersByTime(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(Math.max(...delays)).toBeLessThanOrEqual(5050);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(250);
  });

  it('keeps the replay point where it was while reconnections fail at once', () => {
    streams[0].next(event('a', JobStatus.JOB_STATUS_QUEUED, '2026-11-26T12:00:01.000Z'));
    for (let attempt = 0; attempt < 3; attempt++) {
      streams[streams.length - 1].error(new Error('14 UNAVAILABLE'));
      jest.advanceTimersByTime(5000);
    }
    expect(requests.slice(1).map((r) => r.since)).toEqual([
      '2026-11-26T11:59:56.000Z',
      '2026-11-26T11:59:56.000Z',
      '2026-11-26T11:59:56.000Z',
    ]);
  });

  it('warns once per outage, not at every failed resubscription', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    for (let attempt = 0; attempt < 4; attempt++) {
      streams[streams.length - 1].error(new Error('14 UNAVAILABLE'));
      jest.advanceTimersByTime(5000);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    streams[streams.length - 1].next(event('a', JobStatus.JOB_STATUS_QUEUED, '2026-11-26T12:00:30.000Z'));
    streams[streams.length - 1].error(new Error('14 UNAVAILABLE'));
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('stops resubscribing on shutdown', () => {
    sut.onModuleDestroy();
    streams[0].error(new Error('14 UNAVAILABLE'));
    jest.advanceTimersByTime(10_000);
    expect(requests).toHaveLength(1);
  });
});
