import request from 'supertest';
// The gateway's code never imports the search service; this end-to-end test starts it as a process.
// eslint-disable-next-line no-restricted-imports
import { RunningSearchService, startSearchService } from '../../search-service/test/support/search-service-process';
import { StartedGateway, startGateway } from './support/start-gateway';
import { TestUser, registerUser } from './support/test-users';
import { until } from './support/until';

interface Fix {
  id: string;
  kind: string;
  settings: object;
  answers_query: boolean;
  answered_searches: number;
}

interface Diagnosis {
  query: string;
  matches_now: number;
  matches_without_filters: number;
  no_result_searches: number;
  causes: Array<{ code: string; words: string[] }>;
  fixes: Fix[];
  words: Array<{ word: string; stop_word: string | null; documents: number; nearest: { word: string } | null }>;
  window: { days: number; no_result_searches: number; replayed_searches: number; answered_now: number };
}

const VIDEOS = [
  { title: 'Car repair basics', description: 'Change the oil of your car', duration: 300, tags: ['garage'] },
  { title: 'Classic car show', description: 'Vintage models on parade', duration: 600, tags: ['cars'] },
  { title: 'Guitar lessons', description: 'Chords for beginners', duration: 900, tags: ['music'] },
];

// Starts real servers (and, with TEST_DATABASE=postgres, creates a database): slower than jest's default 5 s.
jest.setTimeout(60_000);

/** Issue 15: the zero-result doctor says why a query finds nothing and which settings change answers it. */
describe('Zero-result doctor: GET /analytics/search/no-results/:query/diagnosis (e2e)', () => {
  let search: RunningSearchService;
  let gateway: StartedGateway;

  const api = () => request(gateway.url);
  const searchFor = async (user: TestUser, body: object): Promise<number> =>
    (await api().post(`/api/v1/users/${user.id}/search`).set(user.auth).send(body).expect(200)).body
      .estimated_total_hits;
  const diagnosisPath = (query: string) => `/api/v1/analytics/search/no-results/${encodeURIComponent(query)}/diagnosis`;
  const diagnose = async (user: TestUser, query: string): Promise<Diagnosis> =>
    (await api().get(diagnosisPath(query)).set(user.auth).expect(200)).body;
  /** Searches are recorded after they answer, in batches: wait until the doctor sees `count` of them. */
  const diagnoseOnceRecorded = (user: TestUser, query: string, count = 1) =>
    until(async () => {
      const diagnosis = await diagnose(user, query);
      return diagnosis.no_result_searches >= count ? diagnosis : undefined;
    });
  const applyFix = (user: TestUser, fix: Fix) =>
    api().put(`/api/v1/users/${user.id}/search/settings`).set(user.auth).send(fix.settings).expect(200);

  /** A user with the three videos, searchable. */
  async function library(): Promise<TestUser> {
    const user = await registerUser(gateway.url);
    for (const video of VIDEOS) {
      await api().post(`/api/v1/users/${user.id}/videos`).set(user.auth).send(video).expect(201);
    }
    await until(async () => ((await searchFor(user, { query: 'car guitar' })) === 3 ? true : undefined));
    return user;
  }

  beforeAll(async () => {
    search = await startSearchService();
    gateway = await startGateway({ env: { SEARCH_GRPC_URL: search.url, SERVICE_TOKEN: search.token } });
  });

  afterAll(async () => {
    await gateway?.stop();
    await search?.stop();
  });

  it('proposes what users searched next as a synonym, which answers the query once applied', async () => {
    const user = await library();
    expect(await searchFor(user, { query: 'automobile' })).toBe(0);
    expect(await searchFor(user, { query: 'automobile' })).toBe(0);
    expect(await searchFor(user, { query: 'car' })).toBe(2);

    const diagnosis = await until(async () => {
      const seen = await diagnoseOnceRecorded(user, 'Automobile', 2);
      return seen.fixes.length > 0 ? seen : undefined;
    });

    expect(diagnosis).toMatchObject({ query: 'Automobile', matches_now: 0, no_result_searches: 2 });
    expect(diagnosis.causes).toEqual([expect.objectContaining({ code: 'words_absent', words: ['automobile'] })]);
    expect(diagnosis.words).toEqual([expect.objectContaining({ word: 'automobile', documents: 0, nearest: null })]);
    expect(diagnosis.window).toMatchObject({ days: 30, no_result_searches: 2, replayed_searches: 2, answered_now: 0 });
    const [fix] = diagnosis.fixes;
    expect(fix).toMatchObject({
      id: 'synonym:automobile=car',
      kind: 'synonym',
      answers_query: true,
      answered_searches: 2,
    });
    expect(fix.settings).toMatchObject({ synonyms: { automobile: ['car'] }, stop_words: [] });

    await applyFix(user, fix);

    expect(await searchFor(user, { query: 'automobile' })).toBe(2);
    const after = await diagnose(user, 'automobile');
    expect(after).toMatchObject({ matches_now: 2, causes: [], fixes: [] });
    expect(after.window.answered_now).toBe(2);
  });

  it('explains a typo beyond the tolerance and proposes the setting that corrects it', async () => {
    const user = await library();
    expect(await searchFor(user, { query: 'gxitxr' })).toBe(0);

    const diagnosis = await diagnoseOnceRecorded(user, 'gxitxr');

    expect(diagnosis.causes).toEqual([expect.objectContaining({ code: 'typo_beyond_tolerance', words: ['gxitxr'] })]);
    expect(diagnosis.words[0].nearest).toMatchObject({ word: 'guitar', distance: 2 });
    expect(diagnosis.fixes.map(({ id }) => id)).toEqual(['synonym:gxitxr=guitar', 'typo_tolerance:4-6']);
    expect(diagnosis.fixes.every((fix) => fix.answers_query && fix.answered_searches === 1)).toBe(true);

    await applyFix(user, diagnosis.fixes[1]);

    expect(await searchFor(user, { query: 'gxitxr' })).toBe(1);
  });

  it('blames the filters when the words match but the filters exclude every match', async () => {
    const user = await library();
    expect(await searchFor(user, { query: 'guitar', filters: { max_duration: 10 } })).toBe(0);

    const diagnosis = await diagnoseOnceRecorded(user, 'guitar');

    expect(diagnosis).toMatchObject({ matches_now: 0, matches_without_filters: 1, fixes: [] });
    expect(diagnosis.causes.map(({ code }) => code)).toEqual(['filters_exclude_all']);
  });

  it('proposes dropping a stop word of the settings that the library holds', async () => {
    const user = await library();
    await api()
      .put(`/api/v1/users/${user.id}/search/settings`)
      .set(user.auth)
      .send({ stop_words: ['lessons'] })
      .expect(200);
    expect(await searchFor(user, { query: 'lessons zzqx' })).toBe(0);

    const diagnosis = await diagnoseOnceRecorded(user, 'lessons zzqx');

    expect(diagnosis.causes.map(({ code }) => code)).toEqual(['stop_words_ignored', 'words_absent']);
    expect(diagnosis.fixes[0]).toMatchObject({ id: 'stop_word:lessons', answers_query: true });
    expect(diagnosis.fixes[0].settings).toMatchObject({ stop_words: [] });
  });

  it('says when every word is a stop word, and when a query finds something today', async () => {
    const user = await library();

    const stopWords = await diagnose(user, 'of the?');
    expect(stopWords.causes.map(({ code }) => code)).toEqual(['all_stop_words']);
    expect(stopWords.fixes).toEqual([]);

    expect(await diagnose(user, 'guitar')).toMatchObject({
      matches_now: 1,
      causes: [],
      fixes: [],
      last_searched_at: null,
    });
  });

  it("never shows another user's searches, and refuses bad input with a clear 400", async () => {
    const user = await library();
    const stranger = await registerUser(gateway.url);
    expect(await searchFor(user, { query: 'zebra' })).toBe(0);
    await diagnoseOnceRecorded(user, 'zebra');

    expect(await diagnose(stranger, 'zebra')).toMatchObject({
      no_result_searches: 0,
      causes: [expect.objectContaining({ code: 'empty_library' })],
      window: expect.objectContaining({ no_result_searches: 0 }),
    });
    const blank = await api().get(diagnosisPath('   ')).set(user.auth).expect(400);
    expect(blank.body).toMatchObject({ error: 'query must not be empty' });
    const tooLong = await api()
      .get(diagnosisPath('a'.repeat(501)))
      .set(user.auth)
      .expect(400);
    expect(tooLong.body).toMatchObject({ error: 'query must be at most 500 characters' });
    await api().get(diagnosisPath('zebra')).expect(401);
  });
});
