import {
  RunningSearchService,
  removeSearchServiceData,
  startSearchService,
} from '../search-service/test/support/search-service-process';
import { RunningGateway, startGatewayProcess } from './support/gateway-process';
import { ApiUser, api, createVideo, register, search } from './support/platform-api';
import { waitFor } from './support/wait-for';

jest.setTimeout(60_000);

interface Moment {
  start: number;
  end: number;
  t: string;
  text: string;
}

interface Result {
  video_id: number;
  moments: Moment[];
}

const CAPTIONS = {
  format: 'vtt',
  language: 'en',
  content: [
    'WEBVTT',
    '',
    '00:10.000 --> 00:14.000',
    'Welcome back to the kitchen.',
    '',
    '04:12.000 --> 04:16.500',
    'Now I explain the <i>sourdough</i> starter: flour and water.',
    '',
  ].join('\n'),
};

/** From a caption upload through the outbox and the index to a search result that points at the moment. */
describe('caption moments through the gateway', () => {
  let searchService: RunningSearchService;
  let gateway: RunningGateway;
  let user: ApiUser;
  let videoId: number;

  const captionsPath = (): string => `/users/${user.id}/videos/${videoId}/captions`;
  const resultsFor = async (query: string): Promise<Result[] | undefined> => {
    const response = await search(gateway.url, user, { query });
    return response.status === 200 ? (response.body.results as Result[]) : undefined;
  };

  beforeAll(async () => {
    searchService = await startSearchService();
    gateway = await startGatewayProcess({ searchUrl: searchService.url, serviceToken: searchService.token });
    user = await register(gateway.url);
    videoId = await createVideo(gateway.url, user, { title: 'Bread baking basics', duration: 900 });
  });

  afterAll(async () => {
    await gateway?.stop();
    await searchService?.stop();
    if (searchService) {
      await removeSearchServiceData(searchService.dataDir);
    }
  });

  it('finds the moment a word is said, then forgets it once the captions are deleted', async () => {
    const put = await api(gateway.url, 'PUT', captionsPath(), { token: user.token, body: CAPTIONS });
    expect(put.status).toBe(200);

    const results = await waitFor('the caption words to be searchable', async () => {
      const found = await resultsFor('sourdough starter');
      return found?.some((result) => result.moments.length > 0) ? found : undefined;
    });
    expect(results[0].video_id).toBe(videoId);
    expect(results[0].moments[0]).toMatchObject({ start: 252, end: 256.5, t: '04:12' });
    expect(results[0].moments[0].text).toMatch(/<mark>sourdough<\/mark>/i);

    // A reindex rebuilds the documents from the gateway's tables, captions included.
    const reindex = await api(gateway.url, 'POST', `/users/${user.id}/search/reindex`, { token: user.token });
    expect(reindex.status).toBe(200);
    const rebuilt = await resultsFor('sourdough starter');
    expect(rebuilt?.[0].moments[0]).toMatchObject({ t: '04:12' });

    const deleted = await api(gateway.url, 'DELETE', captionsPath(), { token: user.token });
    expect(deleted.status).toBe(200);
    await waitFor('the caption words to leave the index', async () => {
      const found = await resultsFor('sourdough starter');
      return found?.length === 0 ? found : undefined;
    });
    const title = await resultsFor('bread');
    expect(title?.map((result) => [result.video_id, result.moments])).toEqual([[videoId, []]]);
  });
});
