import { formatTimestamp, toSearchJob } from './job.mapper';
import type { SearchJobEntity } from './search-job.entity';

describe('job mapper', () => {
  it.each([
    [0, '00:00'],
    [252_900, '04:12'],
    [3_599_999, '59:59'],
    [3_723_000, '1:02:03'],
  ])('writes %d ms as %s, the way players show a timestamp', (ms, expected) => {
    expect(formatTimestamp(ms)).toBe(expected);
  });

  const job = (results: SearchJobEntity['results']) =>
    ({
      id: 'a',
      ownerId: 1,
      query: 'q',
      algorithm: 'text',
      filters: { videoIds: [], minDuration: 0, maxDuration: 0, tags: [] },
      status: 'completed',
      resultCount: 1,
      results,
      createdAt: '',
      attempts: 1,
      limit: 20,
      offset: 0,
      estimatedTotalHits: 1,
      facetDistribution: null,
      facets: [],
      sort: [],
    }) as unknown as SearchJobEntity;

  it('answers a result’s moments in seconds with their timestamp', () => {
    const [result] = toSearchJob(
      job([
        {
          videoId: 1,
          title: 't',
          relevanceScore: 0.5,
          matchedText: 'x',
          matchedFields: ['captions'],
          moments: [{ startMs: 252_500, endMs: 256_000, text: 'the <mark>starter</mark>' }],
        },
      ]),
      true,
    ).results;
    expect(result.moments).toEqual([{ start: 252.5, end: 256, t: '04:12', text: 'the <mark>starter</mark>' }]);
  });

  it('answers no moments for results stored before captions were indexed', () => {
    const [result] = toSearchJob(
      job([{ videoId: 1, title: 't', relevanceScore: 0.5, matchedText: 'x', matchedFields: ['title'] }]),
      true,
    ).results;
    expect(result.moments).toEqual([]);
  });
});
