import type { ApiKeysRepository } from '../auth/api-keys/api-keys.repository';
import { QuotaService } from './quota.service';
import type { QuotasConfig } from './quotas.config';
import type { RedisConnections } from './redis/redis-connections';
import { MemoryCounterStore } from './store/memory-counter-store';

describe('QuotaService with the memory store', () => {
  let clock: number;
  let sut: QuotaService;
  const config: QuotasConfig = {
    defaults: { perMinute: 3, daily: 5, monthly: 8 },
    publicPerMinute: 2,
    keyLimitsCacheMs: 30_000,
  };
  const apiKeys = { findOwned: jest.fn() } as unknown as jest.Mocked<ApiKeysRepository>;
  const redis = { enabled: false, keyPrefix: 'test:' } as RedisConnections;
  const at = (iso: string): Date => {
    clock = Date.parse(iso);
    return new Date(clock);
  };

  beforeEach(() => {
    clock = 0;
    sut = new QuotaService(new MemoryCounterStore(() => clock), config, apiKeys, redis);
  });

  const user = { scope: 'user' as const, id: '7', limits: config.defaults };

  it('admits up to the per-minute limit, then refuses until the next minute', async () => {
    for (let i = 0; i < 3; i += 1) {
      const decision = await sut.consume(user, at('2026-11-26T10:00:10.000Z'));
      expect(decision).toMatchObject({ allowed: true, headers: { limit: 3, remaining: 2 - i, resetSeconds: 50 } });
    }
    const refused = await sut.consume(user, at('2026-11-26T10:00:59.500Z'));
    expect(refused).toEqual({
      allowed: false,
      exceeded: 'minute',
      headers: { limit: 3, remaining: 0, resetSeconds: 1 },
    });
    expect((await sut.consume(user, at('2026-11-26T10:01:00.000Z'))).allowed).toBe(true);
  });

  it('does not charge requests refused by the rate limit to the daily quota', async () => {
    for (let i = 0; i < 5; i += 1) {
      await sut.consume(user, at('2026-11-26T10:00:00.000Z'));
    }
    const status = await sut.status(user, at('2026-11-26T10:00:30.000Z'));
    expect(status.daily).toEqual({ limit: 5, used: 3, remaining: 2, reset_at: '2026-11-27T00:00:00.000Z' });
    expect(status.monthly).toEqual({ limit: 8, used: 3, remaining: 5, reset_at: '2026-12-01T00:00:00.000Z' });
    expect(status.rate_limit).toEqual({ limit: 3, remaining: 0, reset_at: '2026-11-26T10:01:00.000Z' });
  });

  it('refuses once the daily quota is used up, until UTC midnight', async () => {
    for (let minute = 0; minute < 5; minute += 1) {
      expect((await sut.consume(user, at(`2026-11-26T23:5${minute}:00.000Z`))).allowed).toBe(true);
    }
    const refused = await sut.consume(user, at('2026-11-26T23:59:00.000Z'));
    expect(refused).toMatchObject({ allowed: false, exceeded: 'day', headers: { limit: 5, resetSeconds: 60 } });
    expect((await sut.consume(user, at('2026-11-27T00:00:00.000Z'))).allowed).toBe(true);
  });

  it('refuses once the monthly quota is used up, until the 1st', async () => {
    const days = ['2026-11-28', '2026-11-29', '2026-11-30'];
    let admitted = 0;
    for (const day of days) {
      for (let minute = 0; minute < 3; minute += 1) {
        admitted += (await sut.consume(user, at(`${day}T10:0${minute}:00.000Z`))).allowed ? 1 : 0;
      }
    }
    expect(admitted).toBe(8);
    expect((await sut.consume(user, at('2026-12-01T00:00:00.000Z'))).allowed).toBe(true);
  });

  it('reports a daily or monthly quota reaching 80 % and 100 %, once each, for subjects with an owner (month: 7 of 8 not reached)', async () => {
    const crossings: unknown[] = [];
    sut.thresholdCrossings$.subscribe((crossing) => crossings.push(crossing));
    const owned = { ...user, ownerId: 7 };
    for (let minute = 0; minute < 6; minute += 1) {
      await sut.consume(owned, at(`2026-11-26T10:0${minute}:00.000Z`));
    }
    await sut.consume(sut.subjectForIp('1.2.3.4'), at('2026-11-26T10:07:00.000Z'));
    expect(crossings).toEqual([
      {
        ownerId: 7,
        subject: { scope: 'user', id: '7' },
        window: { kind: 'day', id: '20261126' },
        used: 4,
        limit: 5,
        threshold: 80,
      },
      {
        ownerId: 7,
        subject: { scope: 'user', id: '7' },
        window: { kind: 'day', id: '20261126' },
        used: 5,
        limit: 5,
        threshold: 100,
      },
    ]);
  });

  it('counts public routes per IP with the public limit and no quota', async () => {
    const ip = sut.subjectForIp('10.0.0.1');
    expect(ip.limits).toEqual({ perMinute: 2, daily: null, monthly: null });
    await sut.consume(ip, at('2026-11-26T10:00:00.000Z'));
    await sut.consume(ip, at('2026-11-26T10:00:00.000Z'));
    expect((await sut.consume(ip, at('2026-11-26T10:00:00.000Z'))).allowed).toBe(false);
  });

  it('uses a key’s own limits and falls back to the defaults for the rest', async () => {
    apiKeys.findOwned.mockResolvedValue({
      id: 'k1',
      rateLimitPerMinute: 1,
      dailyQuota: null,
      monthlyQuota: 99,
    } as never);
    const subject = await sut.subjectFor({
      id: 7,
      email: 'a@example.com',
      apiKeyId: 'k1',
      permissions: ['search'],
      forcedFilters: null,
    });
    expect(subject).toEqual({
      scope: 'api_key',
      id: 'k1',
      limits: { perMinute: 1, daily: 5, monthly: 99 },
      ownerId: 7,
    });
  });

  it("charges a search token's requests to its owner, like the owner's own logins", async () => {
    const subject = await sut.subjectFor({
      id: 7,
      email: 'a@example.com',
      apiKeyId: null,
      permissions: ['search'],
      forcedFilters: { tags: ['public'] },
    });
    expect(subject).toEqual({ scope: 'user', id: '7', limits: config.defaults, ownerId: 7 });
  });
});

describe('QuotaService when the counter store fails', () => {
  it('admits the request rather than failing it', async () => {
    const store = { increment: jest.fn().mockRejectedValue(new Error('ECONNREFUSED')), read: jest.fn() };
    const sut = new QuotaService(
      store,
      { defaults: { perMinute: 3, daily: 5, monthly: 8 }, publicPerMinute: 2, keyLimitsCacheMs: 0 },
      {} as ApiKeysRepository,
      { enabled: true, keyPrefix: 'test:' } as RedisConnections,
    );
    const decision = await sut.consume(
      { scope: 'user', id: '1', limits: { perMinute: 3, daily: 5, monthly: 8 } },
      new Date('2026-11-26T10:00:30.000Z'),
    );
    expect(decision).toEqual({ allowed: true, exceeded: null, headers: { limit: 3, remaining: 3, resetSeconds: 30 } });
  });
});
