import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchServiceClients, createClients, tokenMetadata, unary } from '../search-service/test/support/grpc-clients';
import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, search } from './support/platform-api';
import { TemporaryDatabase, createTemporaryDatabase } from './support/postgres-database';
import { waitFor } from './support/wait-for';

jest.setTimeout(150_000);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const VIDEOS = 12;
const SEARCHES = 12;
const MARKER = 'osprey';

interface GrpcJob {
  id: string;
  attempts: number;
}

/**
 * Issue 7, scale-out: 2 gateways and 2 search services on the real PostgreSQL (fresh databases) and
 * Redis. Searches and video changes go through both gateways; every job runs exactly once, every
 * change reaches the index, and each search replica's in-memory index holds every change, whichever
 * replica received it.
 */
describe('scale-out: 2 gateways + 2 search services on PostgreSQL and Redis', () => {
  const previous = process.env.TEST_DATABASE;
  const searchDataDir = mkdtempSync(join(tmpdir(), 'scale-out-search-'));
  let database: TemporaryDatabase;
  const replicas: RunningSearchService[] = [];
  const clients: SearchServiceClients[] = [];
  const gateways: RunningGateway[] = [];
  let user: ApiUser;

  beforeAll(async () => {
    process.env.TEST_DATABASE = 'postgres';
    database = await createTemporaryDatabase('gw_scale_out');
    replicas.push(
      ...(await Promise.all(
        [0, 1].map(() =>
          startSearchService({
            dataDir: searchDataDir,
            env: { WORKER_CONCURRENCY: '2', JOB_POLL_INTERVAL_MS: '100', INDEX_SYNC_INTERVAL_MS: '200' },
          }),
        ),
      )),
    );
    clients.push(...replicas.map((replica) => createClients(replica.url)));
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      OUTBOX_POLL_INTERVAL_MS: '100',
    };
    const searchUrl = replicas.map((replica) => replica.url).join(',');
    // One after the other: both run the migrations at start.
    for (let i = 0; i < 2; i += 1) {
      gateways.push(await startGatewayProcess({ searchUrl, serviceToken: replicas[0].token, env }));
    }
    user = await register(gateways[0].url);
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await Promise.all(replicas.map((replica) => replica.stop()));
    await removeSearchServiceData(searchDataDir);
    await database?.drop();
    process.env.TEST_DATABASE = previous;
  });

  it('refuses an API key on every gateway as soon as one of them revokes it', async () => {
    const created = await api(gateways[0].url, 'POST', '/auth/api-keys', { token: user.token, body: { name: 'both' } });
    expect(created.status).toBe(201);
    const key = created.body.api_key as string;
    // Twice on each gateway: the second answer comes from its credential cache.
    for (const gateway of [...gateways, ...gateways]) {
      expect((await api(gateway.url, 'GET', '/auth/me', { token: key })).status).toBe(200);
    }

    const revoked = await api(gateways[0].url, 'DELETE', `/auth/api-keys/${created.body.api_key_id as string}`, {
      token: user.token,
    });
    expect(revoked.status).toBe(200);

    expect((await api(gateways[1].url, 'GET', '/auth/me', { token: key })).status).toBe(401);
    expect((await api(gateways[0].url, 'GET', '/auth/me', { token: key })).status).toBe(401);
  });

  it('shows a write through one gateway on a list page the other has answered before, at once', async () => {
    const owner = await register(gateways[0].url);
    const id = await createVideo(gateways[0].url, owner, { title: 'Kestrel hover', description: 'first' });
    const listed = async (gateway: RunningGateway) => {
      const page = await api(gateway.url, 'GET', `/users/${owner.id}/videos`, { token: owner.token });
      expect(page.status).toBe(200);
      return page.body as { videos: Array<{ id: number; description: string }>; pagination: { total: number } };
    };
    // Twice: the second answer comes from that gateway's kept pages.
    await listed(gateways[1]);
    expect((await listed(gateways[1])).videos).toEqual([expect.objectContaining({ id, description: 'first' })]);

    const update = await api(gateways[0].url, 'PUT', `/users/${owner.id}/videos/${id}`, {
      token: owner.token,
      body: { description: 'second' },
    });
    expect(update.status).toBe(200);
    expect((await listed(gateways[1])).videos).toEqual([expect.objectContaining({ id, description: 'second' })]);

    await createVideo(gateways[0].url, owner, { title: 'Kestrel perch' });
    expect((await listed(gateways[1])).pagination.total).toBe(2);
  });

  it('runs every job once and gets every change into both replicas’ indexes', async () => {
    const ids: number[] = [];
    for (let i = 0; i < VIDEOS; i += 1) {
      ids.push(await createVideo(gateways[i % 2].url, user, { title: `${MARKER} nest camera ${i}` }));
    }
    const renamed = ids[0];
    const removed = ids[1];
    const update = await api(gateways[1].url, 'PUT', `/users/${user.id}/videos/${renamed}`, {
      token: user.token,
      body: { title: 'Heron rookery' },
    });
    expect(update.status).toBe(200);
    const deletion = await api(gateways[0].url, 'DELETE', `/users/${user.id}/videos/${removed}`, {
      token: user.token,
    });
    expect(deletion.status).toBe(200);
    const live = ids.filter((id) => id !== renamed && id !== removed).sort((a, b) => a - b);

    // Each replica holds its own in-memory index: both must have every change, not only the one the
    // gateway's round robin happened to send it to. The count alone shows the deletion; the rename may
    // reach a replica a poll later, so each replica is also asked for the new title.
    const token = tokenMetadata(replicas[0].token);
    for (const [index, client] of clients.entries()) {
      await waitFor(
        `replica ${index} to index all ${VIDEOS - 1} live videos and the rename`,
        async () => {
          const stats = await unary<{ documents: number }>(client.index, 'getIndexStats', { ownerId: user.id }, token);
          const { job } = await unary<{ job: { results?: Array<{ videoId: number }> } }>(
            client.search,
            'search',
            { search: { ownerId: user.id, query: 'heron' }, waitMs: 2000 },
            token,
          );
          const heronIds = (job.results ?? []).map((result) => result.videoId);
          return stats.documents === VIDEOS - 1 && heronIds.length === 1 && heronIds[0] === renamed ? stats : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 200 },
      );
    }

    const answers = await Promise.all(
      Array.from({ length: SEARCHES }, (_, i) =>
        search(gateways[i % 2].url, user, { query: MARKER, limit: 100 }, { Prefer: 'wait=10' }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const found = (answer.body.results as Array<{ video_id: number }>).map((result) => result.video_id);
      expect(found.sort((a, b) => a - b)).toEqual(live);
    }
    const heron = await search(gateways[1].url, user, { query: 'heron' }, { Prefer: 'wait=10' });
    expect((heron.body.results as Array<{ video_id: number }>).map((result) => result.video_id)).toEqual([renamed]);

    // Exactly once: every job ran in a single attempt, whichever replica claimed it.
    for (const answer of answers) {
      const job = await unary<GrpcJob>(
        clients[0].search,
        'getJob',
        { jobId: answer.body.job_id, ownerId: user.id, omitResults: true },
        token,
      );
      expect({ id: job.id, attempts: job.attempts }).toEqual({ id: answer.body.job_id, attempts: 1 });
    }
  });
});
