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
});
