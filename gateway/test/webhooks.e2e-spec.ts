import { WebhookDelivery } from '@gateway/webhooks/webhook-delivery.entity';
import { WebhookEventPublisher } from '@gateway/webhooks/webhook-event.publisher';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { TestUser, registerUser } from './support/test-users';
import { until } from './support/until';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  /** Status the next requests get. */
  status: number;
  close(): Promise<void>;
}

async function startReceiver(status = 200): Promise<Receiver> {
  const receiver: Partial<Receiver> & { received: Received[]; status: number } = { received: [], status };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = receiver.status;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/hook`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver as Receiver;
}

/** The receiver side of the documented scheme: any v1 signed with the secret over "<t>.<raw body>". */
function verify(secret: string, received: Received, toleranceS = 300): boolean {
  const header = String(received.headers['webhook-signature'] ?? '');
  const parts = header.split(',').map((part) => part.split('=', 2) as [string, string]);
  const t = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceS) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(`${t}.${received.body}`).digest();
  return parts
    .filter(([key]) => key === 'v1')
    .some(([, hex]) => {
      const given = Buffer.from(hex, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}

jest.setTimeout(60_000);

describe('Webhooks (e2e)', () => {
  let gateway: StartedGateway;
  let owner: TestUser;
  let receiver: Receiver;
  const path = '/api/v1/webhooks';

  beforeAll(async () => {
    gateway = await startGateway({
      env: { WEBHOOK_ALLOW_LOCALHOST: 'true', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_POLL_INTERVAL_MS: '20' },
    });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await gateway?.stop();
    await receiver?.close();
  });

  beforeEach(async () => {
    owner = await registerUser(gateway.url);
  });

  const create = (url: string, events = ['job.completed'], auth = owner.auth) =>
    request(gateway.url).post(path).set(auth).send({ url, events, description: 'test' });

  it('registers an endpoint with a secret shown once, lists it without the secret, deletes it', async () => {
    const created = await create(receiver.url, ['job.completed', 'import.completed']).expect(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      url: receiver.url,
      events: ['job.completed', 'import.completed'],
      description: 'test',
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      created_at: expect.any(String),
    });

    const listed = await request(gateway.url).get(path).set(owner.auth).expect(200);
    expect(listed.body.webhooks).toHaveLength(1);
    expect(listed.body.webhooks[0]).not.toHaveProperty('secret');
    expect(listed.body.webhooks[0].last_delivery).toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const one = await request(gateway.url).get(`${path}/${created.body.id}`).set(owner.auth).expect(200);
    expect(one.body).not.toHaveProperty('secret');

    await request(gateway.url).delete(`${path}/${created.body.id}`).set(owner.auth).expect(204);
    await request(gateway.url).get(`${path}/${created.body.id}`).set(owner.auth).expect(404);
  });

  it.each([
    [{ url: 'https://example.com/h', events: [] }, 'events must hold at least one of'],
    [{ url: 'https://example.com/h', events: ['video.deleted'] }, 'events must each be one of'],
    [{ events: ['job.completed'] }, 'url is required'],
  ])('answers 400 for %j', async (body, message) => {
    const response = await request(gateway.url).post(path).set(owner.auth).send(body).expect(400);
    expect(response.body.error).toContain(message);
  });

  it.each([
    ['http://10.0.0.1/hook', 'https'],
    ['https://10.0.0.1/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'linkLocal'],
    ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['https://[fd00::1]/hook', 'uniqueLocal'],
    ['https://100.64.0.1/hook', 'carrierGradeNat'],
    ['https://0.0.0.0/hook', 'unspecified'],
    ['https://224.0.0.1/hook', 'multicast'],
    ['https://user:pw@example.com/hook', 'credentials'],
    ['ftp://example.com/hook', 'https'],
  ])('refuses %s at registration', async (url, reason) => {
    const response = await create(url).expect(400);
    expect(response.body.error).toContain(reason);
  });

  it("hides another owner's endpoint (404)", async () => {
    const created = await create(receiver.url).expect(201);
    const other = await registerUser(gateway.url);
    for (const call of [
      request(gateway.url).get(`${path}/${created.body.id}`),
      request(gateway.url).delete(`${path}/${created.body.id}`),
      request(gateway.url).post(`${path}/${created.body.id}/test`),
      request(gateway.url).post(`${path}/${created.body.id}/rotate-secret`),
      request(gateway.url).get(`${path}/${created.body.id}/deliveries`),
    ]) {
      const response = await call.set(other.auth).expect(404);
      expect(response.body).toEqual({ error: 'Webhook not found' });
    }
    expect((await request(gateway.url).get(path).set(other.auth).expect(200)).body.webhooks).toEqual([]);
  });

  it('sends a signed ping on test, and after a rotation signs with both secrets', async () => {
    const created = await create(receiver.url).expect(201);
    const secret: string = created.body.secret;
    receiver.received.length = 0;

    const ping = await request(gateway.url).post(`${path}/${created.body.id}/test`).set(owner.auth).expect(200);
    expect(ping.body).toMatchObject({
      event: 'ping',
      status: 'succeeded',
      attempts: 1,
      response_code: 200,
      response_body: 'ok',
    });
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0];
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.headers['webhook-id']).toBe(ping.body.payload.id);
    expect(first.headers['webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(first.headers['webhook-timestamp']).toBe(/t=(\d+)/.exec(String(first.headers['webhook-signature']))?.[1]);
    expect(verify(secret, first)).toBe(true);
    expect(verify('whsec_wrong', first)).toBe(false);
    expect(JSON.parse(first.body)).toEqual({
      id: expect.stringMatching(/^evt_/),
      type: 'ping',
      created_at: expect.any(String),
      data: expect.objectContaining({ webhook_id: created.body.id }),
    });

    const rotated = await request(gateway.url)
      .post(`${path}/${created.body.id}/rotate-secret`)
      .set(owner.auth)
      .expect(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(secret);
    await request(gateway.url).post(`${path}/${created.body.id}/test`).set(owner.auth).expect(200);
    const second = receiver.received[1];
    expect(second.headers['webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verify(rotated.body.secret, second)).toBe(true);
    expect(verify(secret, second)).toBe(true);
    expect(second.headers['webhook-signature']).not.toBe(first.headers['webhook-signature']);

    const listed = await request(gateway.url).get(path).set(owner.auth).expect(200);
    const row = (listed.body.webhooks as Array<{ id: number; last_delivery: { id: number } | null }>).find(
      (endpoint) => endpoint.id === created.body.id,
    );
    expect(row?.last_delivery).toMatchObject({ event: 'ping', status: 'succeeded', response_code: 200 });
    expect(row?.last_delivery?.id).toBeGreaterThan(ping.body.id);
  });

  it('retries a failing receiver with backoff, records the attempts, and redelivers', async () => {
    const failing = await startReceiver(500);
    try {
      const created = await create(failing.url).expect(201);
      const ping = await request(gateway.url).post(`${path}/${created.body.id}/test`).set(owner.auth).expect(200);
      expect(ping.body).toMatchObject({ status: 'pending', attempts: 1, response_code: 500 });
      expect(ping.body.last_error).toContain('500');

      const retried = await until(async () => {
        const { body } = await request(gateway.url)
          .get(`${path}/${created.body.id}/deliveries`)
          .set(owner.auth)
          .expect(200);
        return body.deliveries[0].attempts >= 3 ? body.deliveries[0] : undefined;
      });
      expect(retried).toMatchObject({ id: ping.body.id, status: 'pending', response_code: 500 });
      expect(failing.received.length).toBeGreaterThanOrEqual(3);

      failing.status = 204;
      const delivered = await until(async () => {
        const { body } = await request(gateway.url)
          .get(`${path}/${created.body.id}/deliveries?status=succeeded`)
          .set(owner.auth)
          .expect(200);
        return body.deliveries[0];
      });
      expect(delivered).toMatchObject({ id: ping.body.id, status: 'succeeded', response_code: 204 });
      expect(delivered.delivered_at).toEqual(expect.any(String));

      const count = failing.received.length;
      await request(gateway.url)
        .post(`${path}/${created.body.id}/deliveries/${ping.body.id}/redeliver`)
        .set(owner.auth)
        .expect(202);
      await until(() => Promise.resolve(failing.received.length > count ? true : undefined));
      const again = await until(async () => {
        const { body } = await request(gateway.url)
          .get(`${path}/${created.body.id}/deliveries`)
          .set(owner.auth)
          .expect(200);
        return body.deliveries[0].status === 'succeeded' ? body.deliveries[0] : undefined;
      });
      expect(again.attempts).toBe(1);
      await request(gateway.url)
        .post(`${path}/${created.body.id}/deliveries/999999/redeliver`)
        .set(owner.auth)
        .expect(404);
    } finally {
      await failing.close();
    }
  });

  it('publishes an event once per subscribed endpoint, however often it is published', async () => {
    const subscribed = await create(receiver.url, ['import.completed']).expect(201);
    const other = await create(receiver.url, ['job.failed']).expect(201);
    const publisher = gateway.app.get(WebhookEventPublisher);
    const dataSource = gateway.app.get(DataSource);
    const event = {
      ownerId: owner.id,
      type: 'import.completed' as const,
      data: { import_id: 'imp_1', total: 2, done: 2, failed: 0 },
      dedupeKey: 'import.completed:imp_1',
    };
    await dataSource.transaction((manager) => publisher.publish(manager, event));
    await dataSource.transaction(async (manager) => {
      await publisher.publish(manager, event);
      // The transaction stays usable after an ignored duplicate (PostgreSQL aborts on a raised conflict).
      await manager.query('SELECT 1');
    });
    const delivered = await until(async () => {
      const { body } = await request(gateway.url)
        .get(`${path}/${subscribed.body.id}/deliveries`)
        .set(owner.auth)
        .expect(200);
      return body.deliveries[0]?.status === 'succeeded' ? body.deliveries : undefined;
    });
    expect(delivered).toHaveLength(1);
    expect(delivered[0].payload).toMatchObject({ type: 'import.completed', data: event.data });
    const none = await request(gateway.url).get(`${path}/${other.body.id}/deliveries`).set(owner.auth).expect(200);
    expect(none.body.deliveries).toEqual([]);
  });

  it("publishes quota.warning when a key's daily quota reaches 80 % and 100 %", async () => {
    const created = await create(receiver.url, ['quota.warning']).expect(201);
    const key = await request(gateway.url)
      .post('/api/v1/auth/api-keys')
      .set(owner.auth)
      .send({ name: 'small', daily_quota: 5 })
      .expect(201);
    for (let i = 0; i < 6; i++) {
      await request(gateway.url)
        .get(`/api/v1/users/${owner.id}/videos`)
        .set({ Authorization: `Bearer ${key.body.api_key}` });
    }
    const deliveries = await until(async () => {
      const { body } = await request(gateway.url)
        .get(`${path}/${created.body.id}/deliveries?status=succeeded`)
        .set(owner.auth)
        .expect(200);
      return body.deliveries.length >= 2 ? body.deliveries : undefined;
    });
    expect(deliveries.map((delivery: { payload: { data: unknown } }) => delivery.payload.data)).toEqual([
      expect.objectContaining({
        subject: { scope: 'api_key', id: key.body.api_key_id },
        window: 'day',
        used: 5,
        limit: 5,
        threshold: 100,
      }),
      expect.objectContaining({
        subject: { scope: 'api_key', id: key.body.api_key_id },
        window: 'day',
        used: 4,
        limit: 5,
        threshold: 80,
      }),
    ]);
  });

  it("leaves a delivery another gateway holds, and takes it over once that claim is stale (a crashed gateway's)", async () => {
    const created = await create(receiver.url, ['import.completed']).expect(201);
    const dataSource = gateway.app.get(DataSource);
    const held = new Date(Date.now() + 3_600_000);
    await dataSource.transaction(async (manager) => {
      await gateway.app.get(WebhookEventPublisher).publish(manager, {
        ownerId: owner.id,
        type: 'import.completed',
        data: { import_id: 'imp_claimed' },
        dedupeKey: 'import.completed:imp_claimed',
      });
      await manager.getRepository(WebhookDelivery).update({ endpointId: created.body.id }, { claimedUntil: held });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const log = () => request(gateway.url).get(`${path}/${created.body.id}/deliveries`).set(owner.auth).expect(200);
    expect((await log()).body.deliveries[0]).toMatchObject({ status: 'pending', attempts: 0 });

    await dataSource
      .getRepository(WebhookDelivery)
      .update({ endpointId: created.body.id }, { claimedUntil: new Date(Date.now() - 1000) });
    const delivered = await until(async () => {
      const { body } = await log();
      return body.deliveries[0].status === 'succeeded' ? body.deliveries[0] : undefined;
    });
    expect(delivered.attempts).toBe(1);
  });

  it('does not follow redirects: a 3xx is a failed attempt', async () => {
    const redirecting = await startReceiver(302);
    try {
      const created = await create(redirecting.url).expect(201);
      const ping = await request(gateway.url).post(`${path}/${created.body.id}/test`).set(owner.auth).expect(200);
      expect(ping.body).toMatchObject({ status: 'pending', attempts: 1, response_code: 302 });
      expect(ping.body.last_error).toContain('redirects are not followed');
    } finally {
      await redirecting.close();
    }
  });

  it('pages the delivery log newest first with next_cursor', async () => {
    const created = await create(receiver.url).expect(201);
    for (let i = 0; i < 3; i++) {
      await request(gateway.url).post(`${path}/${created.body.id}/test`).set(owner.auth).expect(200);
    }
    const first = await request(gateway.url)
      .get(`${path}/${created.body.id}/deliveries?limit=2`)
      .set(owner.auth)
      .expect(200);
    expect(first.body.deliveries).toHaveLength(2);
    expect(first.body.deliveries[0].id).toBeGreaterThan(first.body.deliveries[1].id);
    const second = await request(gateway.url)
      .get(`${path}/${created.body.id}/deliveries?limit=2&cursor=${first.body.next_cursor}`)
      .set(owner.auth)
      .expect(200);
    expect(second.body.deliveries).toHaveLength(1);
    expect(second.body.next_cursor).toBeNull();
    await request(gateway.url).get(`${path}/${created.body.id}/deliveries?status=lost`).set(owner.auth).expect(400);
  });

  it('documents the routes, their response types and the signature scheme in OpenAPI', async () => {
    const { body } = await request(gateway.url).get('/api/docs-json').expect(200);
    const create = body.paths['/api/v1/webhooks'].post;
    expect(create.description).toContain('Webhook-Signature: t=<unix>,v1=<hex>');
    expect(create.responses['201'].content['application/json'].schema.$ref).toContain('CreatedWebhookEndpointDto');
    for (const route of [
      '/api/v1/webhooks/{id}',
      '/api/v1/webhooks/{id}/rotate-secret',
      '/api/v1/webhooks/{id}/test',
      '/api/v1/webhooks/{id}/deliveries',
      '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    ]) {
      expect(body.paths[route]).toBeDefined();
    }
  });

  it('needs keys:manage', async () => {
    const key = await request(gateway.url)
      .post('/api/v1/auth/api-keys')
      .set(owner.auth)
      .send({ name: 'reader', permissions: ['videos:read'] })
      .expect(201);
    const response = await request(gateway.url)
      .get(path)
      .set({ Authorization: `Bearer ${key.body.api_key}` })
      .expect(403);
    expect(response.body.error).toContain('keys:manage');
  });
});

// A separate gateway, started once the first has stopped (two in one process share caches).
describe('Webhooks without WEBHOOK_ALLOW_LOCALHOST (e2e)', () => {
  let strict: StartedGateway;
  const path = '/api/v1/webhooks';

  beforeAll(async () => {
    strict = await startGateway();
  });

  afterAll(async () => {
    await strict?.stop();
  });

  it('refuses localhost and 127.0.0.1 without the allow flag', async () => {
    const user = await registerUser(strict.url);
    for (const url of ['https://localhost/hook', 'https://127.0.0.1/hook', 'http://127.0.0.1:9/hook']) {
      const response = await request(strict.url)
        .post(path)
        .set(user.auth)
        .send({ url, events: ['job.completed'] })
        .expect(400);
      expect(response.body.error).toMatch(/loopback|https/);
    }
  });
});

describe('Webhooks for search jobs (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let receiver: Receiver;

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({
      env: {
        SEARCH_GRPC_URL: search.url,
        SERVICE_TOKEN: search.token,
        WEBHOOK_ALLOW_LOCALHOST: 'true',
        WEBHOOK_POLL_INTERVAL_MS: '20',
      },
    });
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
    await receiver?.close();
  });

  it('delivers job.completed, signed, after a search through REST', async () => {
    const owner = await registerUser(gateway.url);
    const created = await request(gateway.url)
      .post('/api/v1/webhooks')
      .set(owner.auth)
      .send({ url: receiver.url, events: ['job.completed', 'job.failed'] })
      .expect(201);
    await request(gateway.url)
      .post(`/api/v1/users/${owner.id}/videos`)
      .set(owner.auth)
      .send({ title: 'Zeppelin harbour', description: 'Airships at dawn', duration: 60, tags: ['air'] })
      .expect(201);

    const job = await request(gateway.url)
      .post(`/api/v1/users/${owner.id}/search`)
      .set(owner.auth)
      .send({ query: 'zeppelin' })
      .expect((response) => expect([200, 202]).toContain(response.status));
    const jobId: string = job.body.job_id;

    const received = await until(() =>
      Promise.resolve(
        receiver.received.find(
          (item) => (JSON.parse(item.body) as { data: { job_id?: string } }).data.job_id === jobId,
        ),
      ),
    );
    expect(verify(created.body.secret, received)).toBe(true);
    expect(JSON.parse(received.body)).toEqual({
      id: expect.stringMatching(/^evt_/),
      type: 'job.completed',
      created_at: expect.any(String),
      data: { job_id: jobId, status: 'completed', query: 'zeppelin', result_count: expect.any(Number) },
    });
    const log = await request(gateway.url)
      .get(`/api/v1/webhooks/${created.body.id}/deliveries`)
      .set(owner.auth)
      .expect(200);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({ event: 'job.completed', status: 'succeeded', attempts: 1, response_code: 200 }),
    ]);
  });
});
