import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { TestUser, registerUser } from './support/test-users';
import { until } from './support/until';

interface Video {
  title: string;
  description: string;
  duration: number;
  tags: string[];
}

interface Hit {
  video_id: number;
  highlights?: { title: string; description: string; tags: string[] };
}

/** Four pasta videos, one in each duration bucket, and one the word "pasta" does not find. */
const PASTA: Video[] = [
  {
    title: 'Pasta carbonara',
    description: 'Creamy pasta with eggs and cheese',
    duration: 45,
    tags: ['pasta', 'italian'],
  },
  { title: 'Pasta amatriciana', description: 'Tomato and pork', duration: 200, tags: ['pasta', 'italian', 'spicy'] },
  { title: 'Pasta salad', description: 'Cold pasta for a picnic', duration: 700, tags: ['pasta', 'cold'] },
  { title: 'Pasta bake', description: 'Baked in the oven for an hour', duration: 1500, tags: ['pasta', 'oven'] },
];
const OTHER: Video = { title: 'Automobile repair', description: 'Fixing an engine', duration: 100, tags: ['garage'] };

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 13: the search options of POST search, instant search, suggestions, multi-search, settings and clicks. */
describe('Search options (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let owner: TestUser;
  const ids = new Map<string, number>();

  const api = () => request(gateway.url);
  const post = (path: string, body: object, auth = owner.auth) =>
    api().post(`/api/v1/users/${owner.id}${path}`).set(auth).send(body);
  const get = (path: string, auth = owner.auth) => api().get(`/api/v1/users/${owner.id}${path}`).set(auth);
  const resultIds = (body: { results: Hit[] }) => body.results.map((hit) => hit.video_id);
  const idsOf = (videos: Video[]) => videos.map((video) => ids.get(video.title));

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
    owner = await registerUser(gateway.url);
    for (const video of [...PASTA, OTHER]) {
      ids.set(video.title, (await post('/videos', video).expect(201)).body.id);
    }
    // The index follows the videos through the outbox, asynchronously.
    await until(async () => {
      const { body } = await post('/search', { query: 'pasta' });
      return body.estimated_total_hits === PASTA.length ? body : undefined;
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it('counts facets over every match, each equal to the number of matching videos', async () => {
    const { body } = await post('/search', { query: 'pasta', facets: ['tags', 'duration'], limit: 1 }).expect(200);

    const tagCounts: Record<string, number> = {};
    PASTA.flatMap((video) => video.tags).forEach((tag) => (tagCounts[tag] = (tagCounts[tag] ?? 0) + 1));
    expect(body.results).toHaveLength(1);
    expect(body).toMatchObject({ estimated_total_hits: 4, offset: 0, limit: 1 });
    expect(body.facet_distribution).toEqual({
      tags: tagCounts,
      duration: { '0-60': 1, '60-300': 1, '300-1200': 1, '1200+': 1 },
    });

    const plain = await post('/search', { query: 'pasta' }).expect(200);
    expect(plain.body).not.toHaveProperty('facet_distribution');
  });

  it('sorts by the fields asked for and pages with offset, echoing offset and limit', async () => {
    const byDuration = [...PASTA].sort((a, b) => b.duration - a.duration);
    const descending = await post('/search', { query: 'pasta', sort: ['duration:desc'] }).expect(200);
    expect(resultIds(descending.body)).toEqual(idsOf(byDuration));
    const byTitle = await post('/search', { query: 'pasta', sort: ['title:asc'] }).expect(200);
    expect(resultIds(byTitle.body)).toEqual(idsOf([...PASTA].sort((a, b) => a.title.localeCompare(b.title))));

    const pages = await Promise.all(
      [0, 2].map((offset) => post('/search', { query: 'pasta', sort: ['duration:asc'], offset, limit: 2 }).expect(200)),
    );
    expect(pages.map((page) => [page.body.offset, page.body.limit, page.body.estimated_total_hits])).toEqual([
      [0, 2, 4],
      [2, 2, 4],
    ]);
    expect(pages.flatMap((page) => resultIds(page.body))).toEqual(idsOf([...byDuration].reverse()));
  });

  it('filters by tags any-of, all-of and none-of and by creation time', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[object, Video[]]> = [
      [{ tags: ['spicy', 'cold'] }, [PASTA[1], PASTA[2]]],
      [{ tags_all: ['pasta', 'italian'] }, [PASTA[0], PASTA[1]]],
      [{ tags_not: ['italian'] }, [PASTA[2], PASTA[3]]],
      [{ created_after: tomorrow }, []],
      [{ created_before: tomorrow, min_duration: 100 }, [PASTA[1], PASTA[2], PASTA[3]]],
    ];
    for (const [filters, expected] of cases) {
      const { body } = await post('/search', { query: 'pasta', filters, sort: ['duration:asc'] }).expect(200);
      expect({ filters, found: resultIds(body) }).toEqual({ filters, found: idsOf(expected) });
    }
  });

  it('highlights each field with the tags asked for', async () => {
    const { body } = await post('/search', {
      query: 'picnic',
      highlight_pre_tag: '<em>',
      highlight_post_tag: '</em>',
      crop_length: 3,
    }).expect(200);

    expect(resultIds(body)).toEqual(idsOf([PASTA[2]]));
    const { highlights } = body.results[0] as Required<Hit>;
    expect(highlights.description).toContain('<em>picnic</em>');
    expect(highlights.description).not.toContain('Cold pasta for');
    expect(highlights.tags).toEqual(['pasta', 'cold']);
    expect(body.results[0].matched_text).toContain('<mark>');
  });

  it('answers an instant GET search at once with the SearchAnswer shape', async () => {
    const { body } = await get('/search?q=pasta&facets=duration&sort=duration:asc&limit=2&tags=italian,cold').expect(
      200,
    );

    expect(body).toMatchObject({
      job_id: expect.any(String),
      status: 'completed',
      algorithm: expect.any(String),
      result_count: 2,
      estimated_total_hits: 3,
      offset: 0,
      limit: 2,
      facet_distribution: { duration: { '0-60': 1, '60-300': 1, '300-1200': 1, '1200+': 0 } },
    });
    expect(resultIds(body)).toEqual(idsOf([PASTA[0], PASTA[1]]));
    expect(body.results[0].highlights.title).toBe('<mark>Pasta</mark> carbonara');
  });

  it("suggests completions from the owner's words and past queries", async () => {
    await post('/search', { query: 'carbonara cream' }).expect(200);

    const { body } = await get('/search/suggest?q=carb&limit=5').expect(200);

    expect(body.suggestions).toEqual(expect.arrayContaining(['carbonara']));
    expect(body.suggestions.every((text: string) => text.startsWith('carb'))).toBe(true);
    expect((await get('/search/suggest').expect(400)).body.error).toBe('q is required');
  });

  it('runs a multi-search in order and names a bad entry by its index', async () => {
    const { body } = await post('/multi-search', {
      queries: [{ query: 'salad' }, { query: 'pasta', facets: ['tags'], limit: 1 }, { query: 'automobile' }],
    }).expect(200);

    expect(body.results.map(resultIds)).toEqual([idsOf([PASTA[2]]), [expect.any(Number)], idsOf([OTHER])]);
    expect(body.results[1]).toMatchObject({ estimated_total_hits: 4, facet_distribution: { tags: { pasta: 4 } } });

    const refused = await post('/multi-search', { queries: [{ query: 'ok' }, { query: 'x', limit: 101 }] }).expect(400);
    expect(refused.body.error).toBe('queries[1].limit must be an integer from 1 to 100');
    expect((await post('/multi-search', { queries: [] }).expect(400)).body.error).toBe(
      'queries must be an array of 1 to 10 searches',
    );
  });

  it('applies saved synonyms to the next search, and passes the service refusals through as 400', async () => {
    const defaults = await get('/search/settings').expect(200);
    expect(defaults.body).toMatchObject({ synonyms: {}, stop_words: [], updated_at: null });
    expect(resultIds((await post('/search', { query: 'motor' }).expect(200)).body)).toEqual([]);

    const saved = await api()
      .put(`/api/v1/users/${owner.id}/search/settings`)
      .set(owner.auth)
      .send({ synonyms: { motor: ['automobile'] } })
      .expect(200);

    expect(saved.body).toMatchObject({
      synonyms: { motor: ['automobile'] },
      typo_tolerance: defaults.body.typo_tolerance,
      field_weights: defaults.body.field_weights,
      updated_at: expect.any(String),
    });
    expect(resultIds((await post('/search', { query: 'motor' }).expect(200)).body)).toEqual(idsOf([OTHER]));
    expect((await get('/search/settings').expect(200)).body).toEqual(saved.body);

    const put = (body: object) => api().put(`/api/v1/users/${owner.id}/search/settings`).set(owner.auth).send(body);
    const refusals = await Promise.all([
      put({ typo_tolerance: { min_word_size_one_typo: 8, min_word_size_two_typos: 4 } }).expect(400),
      put({ field_weights: { title: 0, description: 0, tags: 0 } }).expect(400),
      put({ synonyms: { motor: 'automobile' } }).expect(400),
    ]);
    expect(refusals.map((refusal) => refusal.body.error)).toEqual([
      expect.stringContaining('min_word_size_two_typos'),
      expect.stringContaining('field_weights'),
      expect.stringMatching(/^synonyms must map each word to an array/),
    ]);
  });

  it('records clicks and reports click-through and click position in search analytics', async () => {
    const { body: job } = await post('/search', { query: 'oven' }).expect(200);
    const video = ids.get(PASTA[3].title);

    const click = await post(`/search/${job.job_id}/clicks`, { video_id: video, position: 1 }).expect(201);

    expect(click.body).toEqual({ job_id: job.job_id, video_id: video, position: 1, clicked_at: expect.any(String) });
    await post('/search/00000000-0000-4000-8000-000000000000/clicks', { video_id: video, position: 1 }).expect(404);
    await post(`/search/${job.job_id}/clicks`, { video_id: video, position: 0 }).expect(400);
    const analytics = await until(async () => {
      const { body } = await api().get('/api/v1/analytics/search').set(owner.auth).expect(200);
      return body.queries?.some((row: { query: string }) => row.query === 'oven') ? body : undefined;
    });
    expect(analytics).toMatchObject({ clicks: 1, average_click_position: 1 });
    expect(analytics.click_through_rate).toBeGreaterThan(0);
    expect(analytics.click_through_rate).toBeLessThanOrEqual(1);
    expect(analytics.queries).toContainEqual({
      query: 'oven',
      count: 1,
      clicks: 1,
      click_through_rate: 1,
      average_click_position: 1,
      no_result_rate: 0,
    });
    expect(analytics.daily.at(-1)).toMatchObject({ clicks: 1, searches: expect.any(Number) });
  });

  it("keeps a search token's filters on instant and multi-search, and refuses it suggestions", async () => {
    const { body: token } = await api()
      .post('/api/v1/auth/search-tokens')
      .set(owner.auth)
      .send({ filters: { tags: ['cold'] } })
      .expect(201);
    const auth = { Authorization: `Bearer ${token.token}` };

    const instant = await get('/search?q=pasta&tags=italian,oven', auth).expect(200);
    const multi = await post('/multi-search', { queries: [{ query: 'pasta' }, { query: 'carbonara' }] }, auth).expect(
      200,
    );
    const suggest = await get('/search/suggest?q=carb', auth).expect(403);

    expect(resultIds(instant.body)).toEqual([]);
    expect(multi.body.results.map(resultIds)).toEqual([idsOf([PASTA[2]]), []]);
    expect(suggest.body).toEqual({ error: 'Suggestions are not available to a search token with filters' });
    await api().put(`/api/v1/users/${owner.id}/search/settings`).set(auth).send({}).expect(403);
  });

  it.each([
    [{ offset: -1 }, 'offset must be an integer from 0 to 10000'],
    [{ limit: 101 }, 'limit must be an integer from 1 to 100'],
    [{ facets: ['colour'] }, 'facets must be a list of: tags, duration'],
    [{ sort: ['views:asc'] }, expect.stringMatching(/^sort must be a list of at most 4 "field:direction" entries/)],
    [{ filters: { tags_all: 'pasta' } }, 'filters.tags_all must be an array'],
    [{ filters: { tags_not: [''] } }, expect.stringMatching(/^filters\.tags_not must be at most 20 non-empty tags/)],
    [{ filters: { created_after: 'yesterday' } }, expect.stringMatching(/^filters\.created_after must be an ISO 8601/)],
    [{ filters: { created_before: '2026-13-01' } }, expect.stringMatching(/^filters\.created_before must be/)],
    [{ highlight_pre_tag: 'x'.repeat(51) }, 'highlight_pre_tag must be 1 to 50 characters'],
    [{ crop_length: 0 }, 'crop_length must be an integer number of words from 1 to 200'],
  ])('answers 400 {error} to POST search with %j', async (options, message) => {
    const refused = await post('/search', { query: 'pasta', ...options }).expect(400);

    expect(refused.body.error).toEqual(message);
  });

  it.each([
    ['', 'q is required'],
    ['q=pasta&sort=duration', expect.stringMatching(/^sort must be/)],
    ['q=pasta&offset=x', 'offset must be an integer from 0 to 10000'],
    ['q=pasta&tags_not=a,' + 'b'.repeat(51), expect.stringMatching(/^tags_not must be at most 20/)],
    ['q=pasta&created_before=soon', expect.stringMatching(/^created_before must be an ISO 8601/)],
  ])('answers 400 {error} to instant search with ?%s', async (query, message) => {
    const refused = await get(`/search?${query}`).expect(400);

    expect(refused.body.error).toEqual(message);
  });
});
