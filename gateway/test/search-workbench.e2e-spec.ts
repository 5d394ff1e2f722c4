import { randomUUID } from 'node:crypto';
import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { TestUser, registerUser } from './support/test-users';
import { until } from './support/until';

interface Parts {
  words: number;
  proximity: number;
  exact_match_bonus: number;
  captions: number;
  rank_cap: number;
}

interface ExplainedHit {
  video_id: number;
  relevance_score: number;
  explanation?: {
    words: Array<{ word: string; kind: string; matched: string; part: number; fields: Array<{ field: string }> }>;
    parts: Parts;
    score: number;
  };
}

const VIDEOS = [
  { title: 'Pasta carbonara', description: 'Creamy pasta with eggs and cheese', duration: 45, tags: ['pasta'] },
  { title: 'Cold salad', description: 'A picnic salad, with a little pasta', duration: 300, tags: ['salad'] },
  { title: 'Automobile repair', description: 'Fixing an engine', duration: 100, tags: ['garage'] },
];

const sumOf = (parts: Parts) =>
  parts.words + parts.proximity + parts.exact_match_bonus + parts.captions + parts.rank_cap;

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 15: a search explains its scores on request, two results of a job can be compared, a job replayed. */
describe('Relevance workbench: explain, compare, replay (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;
  let owner: TestUser;
  const ids: number[] = [];

  const api = () => request(gateway.url);
  const post = (path: string, body: object, user = owner) =>
    api().post(`/api/v1/users/${user.id}${path}`).set(user.auth).send(body);
  const get = (path: string, user = owner) => api().get(`/api/v1/users/${user.id}${path}`).set(user.auth);

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
    owner = await registerUser(gateway.url);
    for (const video of VIDEOS) {
      ids.push((await post('/videos', video).expect(201)).body.id);
    }
    // The index follows the videos through the outbox, asynchronously.
    await until(async () => {
      const { body } = await post('/search', { query: 'pasta' });
      return body.estimated_total_hits === 2 ? body : undefined;
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it('explains every result when asked: the parts add up to relevance_score', async () => {
    const { body } = await post('/search', { query: 'pasta carbonara', explain: true }).expect(200);

    expect(body.explain).toBe(true);
    expect(body.results.length).toBeGreaterThan(0);
    for (const hit of body.results as ExplainedHit[]) {
      expect(hit.explanation).toBeDefined();
      expect(hit.explanation?.score).toBeCloseTo(hit.relevance_score, 6);
      expect(sumOf(hit.explanation!.parts)).toBeCloseTo(hit.relevance_score, 6);
      expect(hit.explanation?.words.map((word) => word.word)).toEqual(['pasta', 'carbonara']);
    }
    const best = body.results[0] as ExplainedHit;
    expect(best.video_id).toBe(ids[0]);
    expect(best.explanation?.words[1]).toMatchObject({ kind: 'exact', matched: 'carbonara' });
    expect(best.explanation?.words[1].fields.map((field) => field.field)).toContain('title');
  });

  it('says which word a typo matched', async () => {
    const { body } = await post('/search', { query: 'carbonra', explain: true }).expect(200);

    expect((body.results[0] as ExplainedHit).explanation?.words[0]).toMatchObject({
      word: 'carbonra',
      kind: 'typo',
      matched: 'carbonara',
    });
  });

  it('leaves the explanation out unless asked, and explains instant searches too', async () => {
    const plain = await post('/search', { query: 'pasta' }).expect(200);
    expect(plain.body.explain).toBe(false);
    expect(plain.body.results[0]).not.toHaveProperty('explanation');

    const instant = await get('/search?q=pasta&explain=true').expect(200);
    expect(instant.body.results[0].explanation.words[0].word).toBe('pasta');
  });

  it('says where in the captions each query word was said', async () => {
    const vtt = 'WEBVTT\n\n00:00:04.000 --> 00:00:07.500\nnow tighten the spark plug\n';
    await api()
      .put(`/api/v1/users/${owner.id}/videos/${ids[2]}/captions`)
      .set(owner.auth)
      .set('Content-Type', 'text/vtt')
      .send(vtt)
      .expect(200);
    const hit = await until(async () => {
      const { body } = await post('/search', { query: 'spark plugs', explain: true });
      return (body.results as ExplainedHit[] | undefined)?.find((result) => result.video_id === ids[2]);
    });

    const [spark, plugs] = hit.explanation!.words as unknown as Array<{ word: string; caption_cue: object | null }>;
    expect(spark.caption_cue).toEqual({
      start_ms: 4000,
      end_ms: 7500,
      text: 'now tighten the spark plug',
      matched: 'spark',
    });
    expect(plugs.caption_cue).toMatchObject({ matched: 'plug' });
  });

  it('refuses an explain that is not a boolean', async () => {
    const body = await post('/search', { query: 'pasta', explain: 'yes' }).expect(400);
    expect(body.body).toMatchObject({ error: 'explain must be true or false' });
    const query = await get('/search?q=pasta&explain=1').expect(400);
    expect(query.body).toMatchObject({ error: 'explain must be true or false' });
  });

  describe('comparing two results', () => {
    let jobId: string;

    beforeAll(async () => {
      jobId = (await post('/search', { query: 'pasta' }).expect(200)).body.job_id;
    });

    it('sets the parts of both side by side; their differences add up to the score difference', async () => {
      const { body } = await get(`/search/${jobId}/compare?a=${ids[0]}&b=${ids[1]}`).expect(200);

      expect(body.a.video_id).toBe(ids[0]);
      expect(body.b.video_id).toBe(ids[1]);
      expect(body.score_difference).toBeCloseTo(body.a.relevance_score - body.b.relevance_score, 6);
      const total = (body.differences as Array<{ difference: number }>).reduce((sum, part) => sum + part.difference, 0);
      expect(total).toBeCloseTo(body.score_difference, 6);
      expect(body.differences.map((part: { part: string }) => part.part)).toContain('word:pasta');
      expect(body.summary).toContain(`Video ${ids[0]} ranks above video ${ids[1]}`);
      expect(sumOf(body.a.explanation.parts)).toBeCloseTo(body.a.relevance_score, 6);
    });

    it('refuses a missing, malformed or repeated video with 400', async () => {
      const cases: Array<[string, string]> = [
        [`b=${ids[1]}`, 'a must be a positive integer (a video id)'],
        [`a=first&b=${ids[1]}`, 'a must be a positive integer (a video id)'],
        [`a=${ids[0]}&b=0`, 'b must be a positive integer (a video id)'],
        [`a=${ids[0]}&b=${ids[0]}`, 'a and b must name two different videos'],
      ];
      for (const [query, error] of cases) {
        const { body } = await get(`/search/${jobId}/compare?${query}`).expect(400);
        expect(body).toMatchObject({ error });
      }
    });

    it("answers 404 for a video the query does not match, an unknown job, or another user's job", async () => {
      const unmatched = await get(`/search/${jobId}/compare?a=${ids[0]}&b=${ids[2]}`).expect(404);
      expect(unmatched.body).toEqual({ error: `Video ${ids[2]} does not match this job's query and filters` });

      const unknown = await get(`/search/${randomUUID()}/compare?a=${ids[0]}&b=${ids[1]}`).expect(404);
      expect(unknown.body).toEqual({ error: 'Search job not found' });

      const stranger = await registerUser(gateway.url);
      const foreign = await get(`/search/${jobId}/compare?a=${ids[0]}&b=${ids[1]}`, stranger).expect(404);
      expect(foreign.body).toEqual({ error: 'Search job not found' });
    });
  });

  describe('replaying a job', () => {
    let librarian: TestUser;
    const shelf: number[] = [];

    beforeAll(async () => {
      librarian = await registerUser(gateway.url);
      for (const video of [
        { title: 'Ramen broth', description: 'Slow pork bones', duration: 600, tags: [] },
        { title: 'Noodle shop tour', description: 'The best ramen in town', duration: 900, tags: [] },
      ]) {
        shelf.push((await post('/videos', video, librarian).expect(201)).body.id);
      }
      await until(async () => {
        const { body } = await post('/search', { query: 'ramen' }, librarian);
        return body.estimated_total_hits === 2 ? body : undefined;
      });
    });

    it("answers the recorded page beside today's, with the hits a settings change moved", async () => {
      const before = await post('/search', { query: 'ramen' }, librarian).expect(200);
      expect(before.body.results.map((hit: ExplainedHit) => hit.video_id)).toEqual(shelf);

      await api()
        .put(`/api/v1/users/${librarian.id}/search/settings`)
        .set(librarian.auth)
        .send({ field_weights: { title: 1, description: 10, tags: 1 } })
        .expect(200);
      const { body } = await api()
        .post(`/api/v1/search/jobs/${before.body.job_id}/replay`)
        .set(librarian.auth)
        .expect(200);

      expect(body).toMatchObject({
        job_id: before.body.job_id,
        query: 'ramen',
        summary: { moved: 2, new: 0, lost: 0, unchanged: 0 },
      });
      expect(body.before.results.map((hit: ExplainedHit) => hit.video_id)).toEqual(shelf);
      expect(body.after.results.map((hit: ExplainedHit) => hit.video_id)).toEqual([shelf[1], shelf[0]]);
      expect(body.changes[0]).toMatchObject({
        video_id: shelf[1],
        change: 'moved',
        before_position: 2,
        after_position: 1,
      });
      expect(Date.parse(body.replayed_at)).toBeGreaterThan(Date.parse(body.completed_at));
    });

    it('shows a video deleted since as lost, and refuses an unknown or foreign job with 404', async () => {
      const { body: job } = await post('/search', { query: 'ramen' }, librarian).expect(200);
      await api().delete(`/api/v1/users/${librarian.id}/videos/${shelf[0]}`).set(librarian.auth).expect(200);
      const replay = async () =>
        (await api().post(`/api/v1/search/jobs/${job.job_id}/replay`).set(librarian.auth).expect(200)).body;

      const body = await until(async () => {
        const answer = await replay();
        return answer.summary.lost === 1 ? answer : undefined;
      });
      expect(body.changes.find((change: { change: string }) => change.change === 'lost')).toMatchObject({
        video_id: shelf[0],
        after_position: null,
        after_score: null,
      });

      await api().post(`/api/v1/search/jobs/${randomUUID()}/replay`).set(librarian.auth).expect(404);
      const foreign = await api().post(`/api/v1/search/jobs/${job.job_id}/replay`).set(owner.auth).expect(404);
      expect(foreign.body).toMatchObject({ error: 'Search job not found' });
    });
  });
});
