import { rmSync } from 'node:fs';
import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, search } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(120_000);

const WRITERS = 4;
/** Bounded burst: the kill lands after this many acknowledged writes (or the time limit). */
const KILL_AFTER_WRITES = 24;
const BURST_LIMIT_MS = 5000;
const MARKER = 'kestrelburst';
const PASSWORD = 'correct horse battery';

/**
 * Issue 7, fault "SIGKILL the gateway during a burst of video writes": every write that got a 2xx is
 * in the database after a restart over the same DATA_DIR, and reaches the search index.
 */
describe('fault: the gateway is killed during a burst of writes', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let dataDir: string;

  beforeAll(async () => {
    searchService = await startSearchService();
    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      env: { OUTBOX_POLL_INTERVAL_MS: '100' },
    });
    dataDir = gateway.dataDir;
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps every acknowledged write in the database and the index', async () => {
    const email = `killburst-${Date.now()}@example.com`;
    const registered = await api(gateway.url, 'POST', '/auth/register', { body: { email, password: PASSWORD } });
    expect(registered.status).toBe(201);
    let user: ApiUser = { id: registered.body.user.id, token: registered.body.token };

    const acknowledged = new Map<number, string>();
    let killed: Promise<void> | null = null;
    const stopAt = Date.now() + BURST_LIMIT_MS;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let i = 0; killed === null && Date.now() < stopAt; i += 1) {
          const title = `${MARKER} writer ${writer} clip ${i}`;
          try {
            const response = await api(gateway.url, 'POST', `/users/${user.id}/videos`, {
              token: user.token,
              body: { title, description: 'Written during the burst', duration: 60 },
            });
            if (response.status === 201) {
              acknowledged.set(response.body.id as number, title);
            }
          } catch {
            // The connection died with the gateway: this write was never acknowledged.
            return;
          }
          if (acknowledged.size >= KILL_AFTER_WRITES && killed === null) {
            killed = gateway.kill();
          }
        }
      }),
    );
    await (killed ?? gateway.kill());
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_WRITES);

    gateway = await startGatewayProcess({
      searchUrl: searchService.url,
      serviceToken: searchService.token,
      dataDir,
      env: { OUTBOX_POLL_INTERVAL_MS: '100' },
    });
    const login = await api(gateway.url, 'POST', '/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    user = { id: login.body.user.id, token: login.body.token };

    for (const [id, title] of acknowledged) {
      const read = await api(gateway.url, 'GET', `/users/${user.id}/videos/${id}`, { token: user.token });
      expect({ id, status: read.status, title: read.body.title }).toEqual({ id, status: 200, title });
    }

    const expected = [...acknowledged.keys()].sort((a, b) => a - b);
    await waitFor(
      'every acknowledged video to be searchable',
      async () => {
        const response = await search(gateway.url, user, { query: MARKER, video_ids: expected, limit: 100 });
        if (response.status !== 200 || response.body.status !== 'completed') {
          return undefined;
        }
        const found = new Set((response.body.results as Array<{ video_id: number }>).map((r) => r.video_id));
        return expected.every((id) => found.has(id)) ? found : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 300 },
    );
  });
});
