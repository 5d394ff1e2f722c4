import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, createVideo, register, searchIds } from './support/platform-api';
import { TemporaryDatabase, createTemporaryDatabase } from './support/postgres-database';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

/**
 * Two gateways on one PostgreSQL database share one outbox; the relay lease lets one of them drain it
 * at a time, and every change written through either gateway reaches the index.
 */
describe('outbox relay with two gateway replicas on PostgreSQL', () => {
  let database: TemporaryDatabase;
  let searchService: RunningSearchService;
  let gateways: RunningGateway[] = [];
  let user: ApiUser;

  beforeAll(async () => {
    database = await createTemporaryDatabase('gw_relay_test');
    searchService = await startSearchService();
    const env = { DATABASE_URL: database.url, OUTBOX_POLL_INTERVAL_MS: '100' };
    // One after the other: both run the migrations at start.
    gateways.push(await startGatewayProcess({ searchUrl: searchService.url, serviceToken: searchService.token, env }));
    gateways.push(await startGatewayProcess({ searchUrl: searchService.url, serviceToken: searchService.token, env }));
    user = await register(gateways[0].url);
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    gateways = [];
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
    await database?.drop();
  });

  it('indexes every video written through either gateway', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(await createVideo(gateways[i % 2].url, user, { title: `Aurora night ${i}`, description: 'Sky' }));
    }
    const indexed = await waitFor(
      'all twenty videos to be indexed',
      async () => {
        const found = await searchIds(gateways[1].url, user, 'aurora');
        return found?.length === ids.length ? found : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    expect([...indexed].sort((a, b) => a - b)).toEqual(ids);
  });
});
