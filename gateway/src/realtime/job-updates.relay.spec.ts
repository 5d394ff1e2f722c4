import { JobEvent, JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { Subject } from 'rxjs';
import type { JobEventsService } from '../search/job-events.service';
import { JobUpdatesRelay } from './job-updates.relay';
import type { RealtimeGateway } from './realtime.gateway';

describe('JobUpdatesRelay', () => {
  const events = new Subject<JobEvent>();
  const emit = jest.fn();
  const localTo = jest.fn(() => ({ emit }));
  const broadcastTo = jest.fn(() => ({ emit }));
  const rooms = new Map<string, Set<string>>();
  let sut: JobUpdatesRelay;

  const event = (overrides: Partial<JobEvent>): JobEvent => ({
    jobId: 'job-1',
    ownerId: 7,
    status: JobStatus.JOB_STATUS_COMPLETED,
    resultCount: 3,
    durationMs: 12.5,
    error: '',
    query: 'cats',
    algorithm: 'auto',
    occurredAt: '2026-11-26T10:00:00.000Z',
    resync: false,
    ...overrides,
  });

  beforeEach(() => {
    jest.clearAllMocks();
    rooms.clear();
    rooms.set('user:7:jobs', new Set(['socket-a'])).set('user:8:jobs', new Set(['socket-b']));
    sut = new JobUpdatesRelay(
      { events$: events.asObservable() } as unknown as JobEventsService,
      {
        server: { local: { to: localTo }, to: broadcastTo, sockets: { adapter: { rooms } } },
      } as unknown as RealtimeGateway,
    );
    sut.onApplicationBootstrap();
  });

  afterEach(() => sut.onApplicationShutdown());

  it('sends each event to its owner’s job room on this gateway only', () => {
    events.next(event({}));
    events.next(event({ jobId: 'job-2', ownerId: 8, status: JobStatus.JOB_STATUS_QUEUED }));
    expect(localTo.mock.calls).toEqual([['user:7:jobs'], ['user:8:jobs']]);
    expect(broadcastTo).not.toHaveBeenCalled();
    expect(emit).toHaveBeenNthCalledWith(1, 'job_update', {
      job_id: 'job-1',
      user_id: 7,
      status: 'completed',
      result_count: 3,
      duration_ms: 12.5,
      error: null,
      query: 'cats',
      algorithm: 'auto',
      occurred_at: '2026-11-26T10:00:00.000Z',
    });
  });

  it('builds nothing for an owner with no socket in the job room', () => {
    rooms.delete('user:8:jobs');

    events.next(event({ ownerId: 8 }));

    expect(localTo).not.toHaveBeenCalled();
    expect(emit).not.toHaveBeenCalled();
  });

  it('drops events without an owner or status instead of failing the stream', () => {
    events.next(event({ ownerId: 0 }));
    events.next(event({ status: JobStatus.JOB_STATUS_UNSPECIFIED }));
    events.next(event({ jobId: 'job-3' }));
    expect(emit).toHaveBeenCalledTimes(1);
    expect(emit.mock.calls[0][1].job_id).toBe('job-3');
  });
});
