import { Subject } from 'rxjs';
import type { RequestLogService } from '../analytics/request-log/request-log.service';
import type { UsageService } from '../analytics/usage.service';
import type { RedisConnections } from '../quotas/redis/redis-connections';
import { AnalyticsUpdatesPublisher } from './analytics-updates.publisher';
import { analyticsRoom } from './realtime.events';
import type { RealtimeGateway } from './realtime.gateway';

describe('AnalyticsUpdatesPublisher', () => {
  const flushed = new Subject<ReadonlySet<number>>();
  const emit = jest.fn();
  const to = jest.fn(() => ({ emit }));
  const today = jest.fn((userId: number) => Promise.resolve({ user_id: userId, requests_today: 1 }));
  let sut: AnalyticsUpdatesPublisher;

  beforeEach(() => {
    jest.useFakeTimers({ now: Date.parse('2026-11-26T10:00:00.000Z') });
    emit.mockClear();
    to.mockClear();
    today.mockClear();
    sut = new AnalyticsUpdatesPublisher(
      { flushed$: flushed.asObservable() } as unknown as RequestLogService,
      { today } as unknown as UsageService,
      { server: { to } } as unknown as RealtimeGateway,
      { enabled: false, keyPrefix: 'test:' } as RedisConnections,
      { analyticsUpdateIntervalMs: 5000, authTimeoutMs: 10_000 },
    );
    sut.onApplicationBootstrap();
  });

  afterEach(() => {
    sut.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('sends the first update at once, then at most one per interval per user', async () => {
    flushed.next(new Set([7]));
    await jest.advanceTimersByTimeAsync(0);
    expect(to).toHaveBeenCalledWith(analyticsRoom(7));
    expect(emit).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 10; i += 1) {
      flushed.next(new Set([7]));
      await jest.advanceTimersByTimeAsync(400);
    }
    expect(emit).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(emit).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(emit).toHaveBeenCalledTimes(2);
  });

  it('throttles each user separately and only ever emits to that user’s room', async () => {
    flushed.next(new Set([7, 8]));
    await jest.advanceTimersByTimeAsync(0);
    expect(to.mock.calls).toEqual([[analyticsRoom(7)], [analyticsRoom(8)]]);
    expect(emit.mock.calls.map(([event, payload]) => [event, payload.user_id])).toEqual([
      ['analytics_update', 7],
      ['analytics_update', 8],
    ]);
  });
});
