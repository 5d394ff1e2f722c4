import {
  apiKeysControllerCreate,
  authControllerMe,
  authControllerRegister,
  createClient,
  errorMessage,
  searchControllerSearch,
  videosControllerCreate,
  videosControllerGet,
  videosControllerList,
  type SearchJobDto,
} from '../../sdk/src';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';

jest.setTimeout(60_000);

/** The generated SDK (sdk/src), imported as a developer would, against the running gateway and search service. */
describe('SDK against the running gateway (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it('registers, creates an API key, creates and lists videos, searches, and reads an {error}', async () => {
    const baseUrl = gateway.url;
    const registered = await authControllerRegister({
      client: createClient({ baseUrl }),
      body: { email: `sdk-${Date.now()}@example.com`, password: 'correct horse battery', name: 'SDK' },
      throwOnError: true,
    });
    expect(registered.response.status).toBe(201);
    const userId = registered.data.user.id;

    const withToken = createClient({ baseUrl, token: registered.data.token });
    const me = await authControllerMe({ client: withToken, throwOnError: true });
    expect(me.data.user.id).toBe(userId);
    const key = await apiKeysControllerCreate({ client: withToken, body: { name: 'sdk e2e' }, throwOnError: true });
    expect(key.data.api_key).toMatch(/^imaginario_live_/);

    const client = createClient({ baseUrl, apiKey: key.data.api_key });
    const created = await videosControllerCreate({
      client,
      path: { userId },
      body: { title: 'Pasta carbonara masterclass', description: 'Eggs and pecorino', duration: 540, tags: ['food'] },
      throwOnError: true,
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ title: 'Pasta carbonara masterclass', duration: 540, tags: ['food'] });
    await videosControllerCreate({
      client,
      path: { userId },
      body: { title: 'Automobile repair' },
      throwOnError: true,
    });

    const list = await videosControllerList({
      client,
      path: { userId },
      query: { sort: 'title', order: 'asc', per_page: 10 },
      throwOnError: true,
    });
    expect(list.data.videos.map((video) => video.title)).toEqual(['Automobile repair', 'Pasta carbonara masterclass']);
    expect(list.data.pagination.total).toBe(2);

    const fetched = await videosControllerGet({
      client,
      path: { userId, videoId: created.data.id },
      throwOnError: true,
    });
    expect(fetched.data.id).toBe(created.data.id);

    // The index follows through the outbox: search until the video is found.
    let job: SearchJobDto | undefined;
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      const answer = await searchControllerSearch({ client, path: { userId }, body: { query: 'pasta carbonra' } });
      if (answer.response?.status === 200 && answer.data && 'results' in answer.data && answer.data.results.length) {
        job = answer.data;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job?.results[0]).toMatchObject({ video_id: created.data.id });

    const bad = await videosControllerCreate({ client, path: { userId }, body: { title: '' } });
    expect(bad.response?.status).toBe(400);
    expect(bad.data).toBeUndefined();
    expect(typeof bad.error?.error).toBe('string');
    expect(errorMessage(bad.error)).toMatch(/title/);

    const missing = await videosControllerGet({ client, path: { userId, videoId: 999_999 } });
    expect(missing.response?.status).toBe(404);
    expect(errorMessage(missing.error)).toBeTruthy();

    const other = await videosControllerList({
      client: createClient({ baseUrl, apiKey: 'imaginario_live_nope' }),
      path: { userId },
    });
    expect(other.response?.status).toBe(401);
    await expect(
      videosControllerList({ client: createClient({ baseUrl }), path: { userId }, throwOnError: true }),
    ).rejects.toMatchObject({ error: expect.any(String) });
  });
});
