import { HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthIndicatorRegistry } from './health-indicator.registry';
import { HealthService } from './health.service';

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
  });
});
