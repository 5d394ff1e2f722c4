import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { TestUser, registerUser } from './support/test-users';
import { until } from './support/until';

const VIDEOS = [
  { title: 'Pasta carbonara', description: 'Creamy, with eggs and cheese', duration: 45, tags: ['italian'] },
  { title: 'Cold salad', description: 'A picnic salad with a little pasta', duration: 300, tags: ['salad'] },
];
/** Without the title, "pasta" no longer finds the carbonara. */
const TITLE_BLIND = { field_weights: { title: 0, description: 1, tags: 1 } };

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 15: pinned queries gate every settings change; imports and reindexes are checked once they land. */
describe('Pinned queries: /users/:id/search/pins and the settings gate (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let owner: TestUser;
  const ids: number[] = [];

  const api = () => request(gateway.url);
  const path = (suffix: string, user = owner) => `/api/v1/users/${user.id}/search${suffix}`;
  const putSettings = (body: object, query = '') =>
    api()
      .put(path(`/settings${query}`))
      .set(owner.auth)
      .send(body);
  const history = async () => (await api().get(path('/pins/history')).set(owner.auth).expect(200)).body.checks;

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
    owner = await registerUser(gateway.url);
    for (const video of VIDEOS) {
      ids.push((await api().post(`/api/v1/users/${owner.id}/videos`).set(owner.auth).send(video).expect(201)).body.id);
    }
    await until(async () => {
      const { body } = await api().post(path('')).set(owner.auth).send({ query: 'pasta' });
      return body.estimated_total_hits === 2 ? true : undefined;
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it('pins a query and scores it today', async () => {
    const { body: pin } = await api()
      .post(path('/pins'))
      .set(owner.auth)
      .send({ query: ' pasta ', expected_video_ids: [ids[0], ids[1]], mode: 'ordered' })
      .expect(201);

    expect(pin).toMatchObject({ query: 'pasta', expected_video_ids: ids, mode: 'ordered' });
    expect(pin.health).toEqual({ reciprocal_rank: 1, recall: 1, positions: [1, 2], in_order: true });
    const { body: list } = await api().get(path('/pins')).set(owner.auth).expect(200);
    expect(list).toMatchObject({ mrr: 1, recall: 1, depth: 20, pins: [expect.objectContaining({ id: pin.id })] });
  });

  it('reports what a settings change would do, without saving it', async () => {
    const { body: report } = await api()
      .post(path('/pins/check'))
      .set(owner.auth)
      .send({ settings: TITLE_BLIND })
      .expect(200);

    expect(report).toMatchObject({
      regressions: 1,
      improvements: 0,
      mrr_before: 1,
      recall_before: 1,
      recall_after: 0.5,
    });
    expect(report.pins[0]).toMatchObject({
      verdict: 'worse',
      before: { positions: [1, 2] },
      after: { positions: [0, 1] },
    });
    expect((await api().get(path('/settings')).set(owner.auth).expect(200)).body.updated_at).toBeNull();
  });

  it('refuses a settings change that makes a pinned query worse, with the report, unless forced', async () => {
    const refused = await putSettings(TITLE_BLIND).expect(409);

    expect(refused.body.error).toBe('The change makes 1 pinned query worse ("pasta"); force it to apply anyway');
    expect(refused.body.report).toMatchObject({
      regressions: 1,
      pins: [expect.objectContaining({ verdict: 'worse' })],
    });
    expect((await api().get(path('/settings')).set(owner.auth).expect(200)).body.updated_at).toBeNull();

    await putSettings(TITLE_BLIND, '?force=true').expect(200);
    const { body: list } = await api().get(path('/pins')).set(owner.auth).expect(200);
    expect(list.pins[0].health).toMatchObject({ reciprocal_rank: 0, recall: 0.5 });

    await putSettings({}).expect(200);
    expect(
      (await history()).map(({ reason, outcome }: { reason: string; outcome: string }) => [reason, outcome]),
    ).toEqual([
      ['settings', 'passed'],
      ['settings', 'forced'],
      ['settings', 'refused'],
    ]);
    const [latest, forced] = await history();
    expect(latest).toMatchObject({ mrr: 1, recall: 1, pins: 1, regressions: 0 });
    expect(forced).toMatchObject({ mrr: 0, recall: 0.5, regressions: 1 });
  });

  it('records a check once a reindex has landed', async () => {
    await api().post(path('/reindex')).set(owner.auth).expect(200);

    expect((await history())[0]).toMatchObject({ reason: 'reindex', outcome: 'passed', mrr: 1 });
  });

  it.each([
    [{ query: 'pasta', expected_video_ids: [] }, 'expected_video_ids must list 1 to 10 videos'],
    [{ query: 'pasta', expected_video_ids: [1, 1] }, 'expected_video_ids must not list a video twice'],
    [{ query: 'pasta', expected_video_ids: [0] }, 'expected_video_ids must be positive integers (video ids)'],
    [{ query: 'pasta', expected_video_ids: [1], mode: 'exact' }, 'mode must be "ordered" or "set"'],
    [{ query: '  ', expected_video_ids: [1] }, 'query is required'],
    [
      { query: 'pasta', expected_video_ids: [987654, 987655] },
      'expected_video_ids: videos 987654, 987655 not in your library',
    ],
  ])('refuses a bad pin %j', async (body, error) => {
    const { body: answer } = await api().post(path('/pins')).set(owner.auth).send(body).expect(400);
    expect(answer).toMatchObject({ error });
  });

  it('keeps pins to their owner and unpins', async () => {
    const stranger = await registerUser(gateway.url);
    await api().get(path('/pins')).set(stranger.auth).expect(403);
    const { body: mine } = await api().get(path('/pins', stranger)).set(stranger.auth).expect(200);
    expect(mine).toMatchObject({ pins: [], mrr: 0 });
    await api()
      .post(path('/pins', stranger))
      .set(stranger.auth)
      .send({ query: 'pasta', expected_video_ids: [ids[0]] })
      .expect(400, { error: `expected_video_ids: video ${ids[0]} not in your library` });

    const { body: list } = await api().get(path('/pins')).set(owner.auth).expect(200);
    const pinId = list.pins[0].id as string;
    await api()
      .delete(path(`/pins/${pinId}`, stranger))
      .set(stranger.auth)
      .expect(404, { error: 'Pin not found' });
    await api().delete(path('/pins/not-a-pin')).set(owner.auth).expect(404, { error: 'Pin not found' });
    await api()
      .delete(path(`/pins/${pinId}`))
      .set(owner.auth)
      .expect(204);
    await api()
      .delete(path(`/pins/${pinId}`))
      .set(owner.auth)
      .expect(404);
    expect((await api().get(path('/pins')).set(owner.auth).expect(200)).body.pins).toEqual([]);
    // Without pins every change passes, and nothing is recorded.
    const checks = (await history()).length;
    await putSettings(TITLE_BLIND).expect(200);
    expect(await history()).toHaveLength(checks);
  });
});
