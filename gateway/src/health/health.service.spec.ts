import { HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthIndicatorRegistry } from './health-indicator.registry';
import { HEALTH_MAX_AGE_MS, HealthService } from './health.service';

describe(HealthService.name, () => {
  let sut: HealthService;
  let registry: HealthIndicatorRegistry;
  let health: { check: jest.Mock };

  const up = (name: string): HealthIndicatorResult => ({ [name]: { status: 'up' } });
  const down = (name: string): HealthIndicatorResult => ({ [name]: { status: 'down', message: 'unreachable' } });

  beforeEach(() => {
    registry = new HealthIndicatorRegistry();
    health = { check: jest.fn() };
    const database = { pingCheck: jest.fn() } as unknown as TypeOrmHealthIndicator;
    sut = new HealthService(health as unknown as HealthCheckService, database, registry);
    registry.register({ name: 'database', required: true, check: () => up('database') });
    registry.register({ name: 'search_service', required: false, check: () => down('search_service') });
  });

  describe('check', () => {
    it('is healthy when every required dependency is up, reporting optional ones as they are', async () => {
      health.check.mockRejectedValue({
        getResponse: () => ({ details: { ...up('database'), ...down('search_service') } }),
      });

      await expect(sut.check()).resolves.toMatchObject({
        status: 'healthy',
        checks: {
          database: { status: 'up', required: true },
          search_service: { status: 'down', required: false, message: 'unreachable' },
        },
      });
    });

    it('is unhealthy when a required dependency is down', async () => {
      health.check.mockRejectedValue({
        getResponse: () => ({ details: { ...down('database'), ...up('search_service') } }),
      });

      await expect(sut.check()).resolves.toMatchObject({
        status: 'unhealthy',
        checks: { database: { status: 'down' } },
      });
    });

    it('runs every registered indicator', async () => {
      health.check.mockResolvedValue({ status: 'ok', details: { ...up('database'), ...up('search_service') } });

      await sut.check();

      expect(health.check).toHaveBeenCalledWith([expect.any(Function), expect.any(Function)]);
    });

    it('probes at most once per HEALTH_MAX_AGE_MS, sharing the answer with callers in between', async () => {
      jest.useFakeTimers({ now: 1_000_000 });
      try {
        health.check.mockResolvedValue({ status: 'ok', details: { ...up('database'), ...up('search_service') } });

        await Promise.all([sut.check(), sut.check()]);
        jest.advanceTimersByTime(HEALTH_MAX_AGE_MS - 1);
        await sut.check();
        expect(health.check).toHaveBeenCalledTimes(1);

        jest.advanceTimersByTime(1);
        await sut.check();
        expect(health.check).toHaveBeenCalledTimes(2);
      } finally {
        jest.useRealTimers();
      }
    });

    it('reports an indicator that throws as down with its message', async () => {
      registry.register({
        name: 'ledger',
        required: true,
        check: () => Promise.reject(new Error('ledger unreachable')),
      });
      health.check.mockImplementation(async (checks: Array<() => Promise<HealthIndicatorResult>>) => ({
        status: 'ok',
        details: Object.assign({}, ...(await Promise.all(checks.map((check) => check())))),
      }));

      await expect(sut.check()).resolves.toMatchObject({
        status: 'unhealthy',
        checks: { ledger: { status: 'down', required: true, message: 'ledger unreachable' } },
      });
    });
  });
});
