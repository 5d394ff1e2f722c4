import Fastify, { type FastifyInstance } from 'fastify';
import { RequestLogHook } from './request-log.hook';
import { RequestLogService } from './request-log.service';

describe(RequestLogHook.name, () => {
  let fastify: FastifyInstance;
  let record: jest.Mock;

  beforeEach(async () => {
    record = jest.fn();
    fastify = Fastify();
    new RequestLogHook({ record } as unknown as RequestLogService).register(fastify);
    fastify.addHook('preHandler', (request, _reply, done) => {
      Object.assign(request, { user: { id: 7, email: 'ada@example.com', apiKeyId: 'key-1' } });
      done();
    });
    fastify.get('/api/v1/users/:userId/videos', () => ({ videos: [] }));
    fastify.get('/api/docs', () => 'docs');
    fastify.get('/health', () => ({ status: 'healthy' }));
    await fastify.ready();
  });

  afterEach(() => fastify.close());

  it('records an API request by its route template, with its caller, status and latency', async () => {
    await fastify.inject({ method: 'GET', url: '/api/v1/users/7/videos?page=2' });

    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0][0]).toMatchObject({
      userId: 7,
      apiKeyId: 'key-1',
      method: 'GET',
      route: '/api/v1/users/:userId/videos',
      status: 200,
      latencyMs: expect.any(Number),
      occurredAt: expect.any(Date),
      requestId: expect.any(String),
    });
  });

  it('records unmatched API paths under one label, never the raw path', async () => {
    await fastify.inject({ method: 'GET', url: '/api/v1/secret-token-in-path' });

    expect(record.mock.calls[0][0]).toMatchObject({ route: '(unmatched)', status: 404 });
  });

  it('leaves out what is not the API: docs, health', async () => {
    await fastify.inject({ method: 'GET', url: '/api/docs' });
    await fastify.inject({ method: 'GET', url: '/health' });

    expect(record).not.toHaveBeenCalled();
  });
});
