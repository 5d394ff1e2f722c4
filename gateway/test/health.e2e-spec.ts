import { HealthIndicatorRegistry } from '@gateway/health/health-indicator.registry';
import { HEALTH_MAX_AGE_MS } from '@gateway/health/health.service';
import request from 'supertest';
import { StartedGateway, startGateway } from './support/start-gateway';

describe('GET /health', () => {
  let gateway: StartedGateway;

  beforeAll(async () => {
    gateway = await startGateway();
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('answers 200 healthy with the database up, without authentication', async () => {
    const response = await request(gateway.url).get('/health').expect(200);

    expect(response.body.status).toBe('healthy');
    expect(response.body.checks.database).toMatchObject({ status: 'up', required: true });
  });

  it('is not under the /api/v1 prefix', async () => {
    const response = await request(gateway.url).get('/api/v1/health').expect(404);

    expect(response.body).toEqual({ error: expect.any(String) });
  });

  it('answers 503 unhealthy when a required dependency is down, and stays 200 for an optional one', async () => {
    const registry = gateway.app.get(HealthIndicatorRegistry);
    // Answers are shared for HEALTH_MAX_AGE_MS; each change of the indicators is seen once it has passed.
    const nextAnswer = () => new Promise((wait) => setTimeout(wait, HEALTH_MAX_AGE_MS));
    await nextAnswer();
    registry.register({
      name: 'optional_cache',
      required: false,
      check: () => ({ optional_cache: { status: 'down' } }),
    });

    const stillHealthy = await request(gateway.url).get('/health').expect(200);
    expect(stillHealthy.body.checks.optional_cache).toMatchObject({ status: 'down', required: false });

    registry.register({ name: 'ledger', required: true, check: () => Promise.reject(new Error('ledger unreachable')) });
    await nextAnswer();
    const response = await request(gateway.url).get('/health').expect(503);

    expect(response.body).toMatchObject({
      status: 'unhealthy',
      error: 'A required dependency is down',
      checks: { database: { status: 'up' }, ledger: { status: 'down', required: true } },
    });
  });
});
