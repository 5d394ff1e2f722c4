import { status } from '@grpc/grpc-js';
import { JobStatus } from '@proto/gen/ts/videosearch/search/v1/search';
import { createClients, SearchServiceClients, tokenMetadata, unary } from './support/grpc-clients';
import { removeSearchServiceData, RunningSearchService, startSearchService } from './support/search-service-process';

interface Result {
  videoId: number;
  title: string;
  highlights: { title: string; description: string; tags: string[] };
}

interface Job {
  id: string;
  status: JobStatus;
  results: Result[];
  estimatedTotalHits: number;
  offset: number;
  facetDistribution: Record<string, { counts: Record<string, number> }>;
}

interface Video {
  videoId: number;
  title: string;
  description: string;
  tags: string[];
  duration: number;
  createdAt: string;
}

const OWNER = 41;
const OTHER_OWNER = 42;

const VIDEOS: Video[] = [
  {
    videoId: 1,
    title: 'Pasta carbonara',
    description: 'Roman pasta',
    tags: ['pasta', 'italian'],
    duration: 45,
    createdAt: '2026-01-05T10:00:00.000Z',
  },
  {
    videoId: 2,
    title: 'Fresh pasta by hand',
    description: 'Flour and eggs',
    tags: ['pasta', 'baking'],
    duration: 240,
    createdAt: '2026-02-10T10:00:00.000Z',
  },
  {
    videoId: 3,
    title: 'Pasta salad',
    description: 'A cold pasta',
    tags: ['pasta', 'vegan'],
    duration: 700,
    createdAt: '2026-03-15T10:00:00.000Z',
  },
  {
    videoId: 4,
    title: 'Lasagne',
    description: 'Layers of pasta sheets',
    tags: ['italian'],
    duration: 1500,
    createdAt: '2026-04-20T10:00:00.000Z',
  },
  {
    videoId: 5,
    title: 'Pasta for kids',
    description: 'Quick dinner',
    tags: ['pasta', 'family'],
    duration: 130,
    createdAt: '2026-05-25T10:00:00.000Z',
  },
  {
    videoId: 6,
    title: 'Sourdough bread',
    description: 'A long ferment',
    tags: ['baking'],
    duration: 900,
    createdAt: '2026-06-01T10:00:00.000Z',
  },
  {
    videoId: 7,
    title: 'Car maintenance',
    description: 'Oil change at home',
    tags: ['garage'],
    duration: 600,
    createdAt: '2026-06-02T10:00:00.000Z',
  },
];

/** What "pasta" matches: the word in any field. */
const PASTA = VIDEOS.filter((video) =>
  [video.title, video.description, ...video.tags].some((text) => /\bpasta\b/i.test(text)),
);

function bucket(duration: number): string {
  return duration < 60 ? '0-60' : duration < 300 ? '60-300' : duration < 1200 ? '300-1200' : '1200+';
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  values.forEach((value) => (counts[value] = (counts[value] ?? 0) + 1));
  return counts;
}

jest.setTimeout(60000);

describe('Search options, settings, suggestions and clicks (built process)', () => {
  let service: RunningSearchService;
  let clients: SearchServiceClients;
  let call: <T>(client: 'search' | 'index' | 'settings', method: string, request: object) => Promise<T>;
  const search = async (query: string, options: object = {}, ownerId = OWNER): Promise<Job> =>
    (await call<{ job: Job }>('search', 'search', { search: { ownerId, query, ...options }, waitMs: 2000 })).job;

  beforeAll(async () => {
    service = await startSearchService();
    clients = createClients(service.url);
    call = (client, method, request) => unary(clients[client], method, request, tokenMetadata(service.token));
    const documents = VIDEOS.map((video) => ({ ...video, ownerId: OWNER, version: 1, updatedAt: video.createdAt }));
    const other = { ...VIDEOS[0], ownerId: OTHER_OWNER, version: 1, updatedAt: VIDEOS[0].createdAt };
    await call('index', 'upsertVideos', { videos: [...documents, other] });
  });

  afterAll(async () => {
    clients?.close();
    await service?.stop();
    if (service) {
      await removeSearchServiceData(service.dataDir);
    }
  });

  it('counts the facets over every match, not only the page returned', async () => {
    const job = await search('pasta', { facets: ['tags', 'duration'], limit: 2 });
    expect(job.results).toHaveLength(2);
    expect(job.estimatedTotalHits).toBe(PASTA.length);
    expect(job.facetDistribution.tags.counts).toEqual(countBy(PASTA.flatMap((video) => video.tags)));
    expect(job.facetDistribution.duration.counts).toEqual(countBy(PASTA.map((video) => bucket(video.duration))));
  });

  it('sorts by a field and pages through the sorted matches with offset', async () => {
    const byDuration = [...PASTA].sort((a, b) => a.duration - b.duration).map((video) => video.videoId);
    const page = async (offset: number) =>
      (await search('pasta', { sort: ['duration:asc'], offset, limit: 2 })).results.map((result) => result.videoId);
    expect([...(await page(0)), ...(await page(2)), ...(await page(4))]).toEqual(byDuration);
    const newest = await search('pasta', { sort: ['created_at:desc'], limit: 1 });
    expect(newest.results[0].videoId).toBe(5);
  });

  it('filters by all-of and excluded tags and by the creation range', async () => {
    const ids = async (filters: object) =>
      (await search('pasta', { filters })).results.map((result) => result.videoId).sort((a, b) => a - b);
    expect(await ids({ tagsAll: ['pasta', 'italian'] })).toEqual([1]);
    expect(await ids({ tagsNot: ['pasta'] })).toEqual([4]);
    expect(await ids({ createdAfter: '2026-02-01', createdBefore: '2026-03-31' })).toEqual([2, 3]);
  });

  it('highlights each field with the tags asked for', async () => {
    const job = await search('carbonara', { highlightPreTag: '<b>', highlightPostTag: '</b>' });
    expect(job.results[0].highlights.title).toBe('Pasta <b>carbonara</b>');
  });

  it('applies saved synonyms to the next search, on the one-call and the queued path', async () => {
    expect((await search('automobile')).results).toEqual([]);
    const saved = await call<{ synonyms: Record<string, { words: string[] }>; updatedAt: string }>(
      'settings',
      'updateSearchSettings',
      { ownerId: OWNER, settings: { synonyms: { automobile: { words: ['car'] } } } },
    );
    expect(saved.synonyms).toEqual({ automobile: { words: ['car'] } });
    expect(saved.updatedAt).not.toBe('');
    await expect(call('settings', 'getSearchSettings', { ownerId: OWNER })).resolves.toMatchObject({
      synonyms: { automobile: { words: ['car'] } },
    });
    expect((await search('automobile')).results.map((result) => result.videoId)).toEqual([7]);

    const queued = await call<Job>('search', 'submitSearch', { ownerId: OWNER, query: 'automobile', facets: ['tags'] });
    let job = queued;
    for (let tries = 0; job.status !== JobStatus.JOB_STATUS_COMPLETED && tries < 50; tries += 1) {
      await new Promise((wait) => setTimeout(wait, 100));
      job = await call<Job>('search', 'getJob', { jobId: queued.id, ownerId: OWNER });
    }
    expect(job.results.map((result) => result.videoId)).toEqual([7]);
    expect(job).toMatchObject({ estimatedTotalHits: 1, facetDistribution: { tags: { counts: { garage: 1 } } } });

    await expect(call('settings', 'getSearchSettings', { ownerId: OTHER_OWNER })).resolves.toMatchObject({
      synonyms: {},
      updatedAt: '',
    });
  });

  it('refuses bad settings with INVALID_ARGUMENT naming the field', async () => {
    await expect(
      call('settings', 'updateSearchSettings', {
        ownerId: OWNER,
        settings: { fieldWeights: { title: 0, description: 0, tags: 0 } },
      }),
    ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('field_weights') });
  });

  it("suggests the owner's past queries first, then words of the owner's videos, never another owner's", async () => {
    await search('pasta salad');
    await search('pasta salad');
    const suggest = async (ownerId: number, prefix: string) =>
      (
        await call<{ suggestions: Array<{ text: string; source: string; count: number }> }>('index', 'suggest', {
          ownerId,
          prefix,
          limit: 5,
        })
      ).suggestions;
    expect((await suggest(OWNER, 'Pasta sa'))[0]).toEqual({ text: 'pasta salad', source: 'query', count: 2 });
    expect(await suggest(OWNER, 'sour')).toContainEqual({ text: 'sourdough', source: 'vocabulary', count: 1 });
    expect(await suggest(OTHER_OWNER, 'pasta s')).toEqual([]);
  });

  it('records clicks on returned results and reports click-through and no-result rates', async () => {
    const before = await call<{ clicks: number }>('search', 'getJobStats', { ownerId: OWNER });
    const job = await search('lasagne');
    const click = await call<{ jobId: string; position: number; clickedAt: string }>('search', 'recordClick', {
      jobId: job.id,
      ownerId: OWNER,
      videoId: 4,
      position: 1,
    });
    expect(click).toMatchObject({ jobId: job.id, position: 1 });
    await expect(
      call('search', 'recordClick', { jobId: job.id, ownerId: OTHER_OWNER, videoId: 4, position: 1 }),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(
      call('search', 'recordClick', { jobId: 'no-such-job', ownerId: OWNER, videoId: 4, position: 1 }),
    ).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(
      call('search', 'recordClick', { jobId: job.id, ownerId: OWNER, videoId: 4, position: 0 }),
    ).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });

    const stats = await call<{
      clicks: number;
      clickThroughRate: number;
      noResultRate: number;
      queries: Array<{ query: string; count: number; clicks: number; clickThroughRate: number }>;
      daily: Array<{ date: string; searches: number; clicks: number }>;
    }>('search', 'getJobStats', { ownerId: OWNER, limit: 100 });
    expect(stats.clicks).toBe(before.clicks + 1);
    expect(stats.clickThroughRate).toBeGreaterThan(0);
    expect(stats.noResultRate).toBeGreaterThan(0);
    expect(stats.queries).toContainEqual(
      expect.objectContaining({ query: 'lasagne', count: 1, clicks: 1, clickThroughRate: 1 }),
    );
    expect(stats.daily.at(-1)).toMatchObject({ date: click.clickedAt.slice(0, 10), clicks: stats.clicks });
  });
});
