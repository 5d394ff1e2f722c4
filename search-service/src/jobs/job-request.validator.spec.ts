import type { SearchFilters } from '@proto/gen/ts/videosearch/search/v1/common';
import { JobStatus, ListJobsRequest, SubmitSearchRequest } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchExceptionCode } from '@search/common/search.exception';
import {
  parseSort,
  parseTimestamp,
  toQueryKey,
  validateClick,
  validateListQuery,
  validateSubmit,
} from './job-request.validator';

const ALGORITHMS = [
  { name: 'auto', description: 'combined', isDefault: true },
  { name: 'text', description: 'keywords', isDefault: false },
];

function submit(overrides: Partial<SubmitSearchRequest> = {}): SubmitSearchRequest {
  return {
    ownerId: 1,
    query: 'cats',
    algorithm: '',
    filters: undefined,
    limit: 0,
    offset: 0,
    facets: [],
    sort: [],
    highlightPreTag: '',
    highlightPostTag: '',
    cropLength: 0,
    explain: false,
    ...overrides,
  };
}

function filters(overrides: Partial<SearchFilters> = {}): SearchFilters {
  return { videoIds: [], tags: [], tagsAll: [], tagsNot: [], createdAfter: '', createdBefore: '', ...overrides };
}

function list(overrides: Partial<ListJobsRequest> = {}): ListJobsRequest {
  return {
    ownerId: 1,
    statuses: [],
    createdAfter: '',
    createdBefore: '',
    queryContains: '',
    page: 0,
    perPage: 0,
    ...overrides,
  };
}

const invalid = expect.objectContaining({ code: SearchExceptionCode.InvalidArgument }) as Error;

describe('validateSubmit', () => {
  it('trims the query and fills the defaults', () => {
    expect(validateSubmit(submit({ query: '  cats  ' }), ALGORITHMS)).toEqual({
      ownerId: 1,
      query: 'cats',
      queryKey: 'cats',
      algorithm: 'auto',
      filters: { videoIds: [], tags: [], minDuration: undefined, maxDuration: undefined },
      limit: 20,
      offset: 0,
      facets: [],
      sort: [],
      highlight: { preTag: '<mark>', postTag: '</mark>', cropLength: 30 },
      explain: false,
    });
  });

  it('keeps offset, facets (deduplicated, case-folded), sort and highlight options', () => {
    const job = validateSubmit(
      submit({
        offset: 40,
        facets: ['Tags', 'duration', 'tags'],
        sort: ['duration:desc', 'title'],
        highlightPreTag: '<em>',
        highlightPostTag: '</em>',
        cropLength: 12,
      }),
      ALGORITHMS,
    );
    expect(job).toMatchObject({
      offset: 40,
      facets: ['tags', 'duration'],
      sort: [
        { field: 'duration', direction: 'desc' },
        { field: 'title', direction: 'asc' },
      ],
      highlight: { preTag: '<em>', postTag: '</em>', cropLength: 12 },
    });
  });

  it('stores the tag and date filters given, a bare end date taking in its whole day', () => {
    const job = validateSubmit(
      submit({
        filters: filters({
          tagsAll: [' pasta '],
          tagsNot: ['vegan'],
          createdAfter: '2026-01-01',
          createdBefore: '2026-01-31',
        }),
      }),
      ALGORITHMS,
    );
    expect(job.filters).toEqual({
      videoIds: [],
      tags: [],
      tagsAll: ['pasta'],
      tagsNot: ['vegan'],
      createdAfter: '2026-01-01T00:00:00.000Z',
      createdBefore: '2026-01-31T23:59:59.999Z',
      minDuration: undefined,
      maxDuration: undefined,
    });
  });

  it('accepts a 500-character query, a named algorithm, limits 1 and 100 and sane filters', () => {
    expect(validateSubmit(submit({ query: 'q'.repeat(500) }), ALGORITHMS).query).toHaveLength(500);
    expect(validateSubmit(submit({ algorithm: 'text' }), ALGORITHMS).algorithm).toBe('text');
    expect(validateSubmit(submit({ limit: 1 }), ALGORITHMS).limit).toBe(1);
    expect(validateSubmit(submit({ limit: 100 }), ALGORITHMS).limit).toBe(100);
    const filters = { videoIds: [3, 3, 4], tags: [' music '], minDuration: 0, maxDuration: 0 };
    expect(validateSubmit(submit({ filters }), ALGORITHMS).filters).toEqual({
      videoIds: [3, 4],
      tags: ['music'],
      minDuration: 0,
      maxDuration: 0,
    });
  });

  it.each([
    ['an empty query', { query: '' }],
    ['a blank query', { query: '   ' }],
    ['a 501-character query', { query: 'q'.repeat(501) }],
    ['an unknown algorithm', { algorithm: 'quantum' }],
    ['a limit of 101', { limit: 101 }],
    ['a negative limit', { limit: -1 }],
    ['a missing owner', { ownerId: 0 }],
    ['min above max duration', { filters: { videoIds: [], tags: [], minDuration: 10, maxDuration: 5 } }],
    ['a negative duration', { filters: { videoIds: [], tags: [], minDuration: -1 } }],
    ['an absurd duration', { filters: { videoIds: [], tags: [], maxDuration: 10 ** 9 } }],
    ['a non-positive video id', { filters: { videoIds: [0], tags: [] } }],
    ['an empty tag', { filters: { videoIds: [], tags: [' '] } }],
    ['an empty excluded tag', { filters: filters({ tagsNot: [''] }) }],
    ['51 all-of tags', { filters: filters({ tagsAll: Array.from({ length: 51 }, (_, i) => `t${i}`) }) }],
    ['a bad created_after', { filters: filters({ createdAfter: 'last week' }) }],
    ['an inverted created range', { filters: filters({ createdAfter: '2026-02-01', createdBefore: '2026-01-01' }) }],
    ['a negative offset', { offset: -1 }],
    ['an offset over 10000', { offset: 10_001 }],
    ['an unknown facet', { facets: ['colour'] }],
    ['an unknown sort field', { sort: ['views:desc'] }],
    ['a bad sort direction', { sort: ['duration:up'] }],
    ['a field sorted twice', { sort: ['duration:asc', 'duration:desc'] }],
    ['five sort criteria', { sort: ['relevance', 'duration', 'title', 'created_at', 'relevance'] }],
    ['a crop length of 201', { cropLength: 201 }],
    ['a negative crop length', { cropLength: -3 }],
    ['a 51-character highlight tag', { highlightPreTag: 'x'.repeat(51) }],
  ])('refuses %s', (_label, overrides) => {
    expect(() => validateSubmit(submit(overrides), ALGORITHMS)).toThrow(invalid);
  });

  it('names the offending value in the message', () => {
    expect(() => validateSubmit(submit({ sort: ['views:desc'] }), ALGORITHMS)).toThrow(/Unknown sort "views:desc"/);
    expect(() => validateSubmit(submit({ facets: ['colour'] }), ALGORITHMS)).toThrow(/Unknown facet "colour"/);
  });
});

describe('parseSort', () => {
  it('sorts a bare field ascending, except relevance, which puts the best first', () => {
    expect(parseSort(['created_at', 'relevance'])).toEqual([
      { field: 'created_at', direction: 'asc' },
      { field: 'relevance', direction: 'desc' },
    ]);
  });
});

describe('toQueryKey', () => {
  it('folds case and collapses spaces, so past queries group whatever the typing', () => {
    expect(toQueryKey('  Spaghetti   CARBONARA ')).toBe('spaghetti carbonara');
  });
});

describe('validateClick', () => {
  const click = { jobId: 'j', ownerId: 1, videoId: 3, position: 1 };

  it('accepts the first position', () => {
    expect(() => validateClick(click)).not.toThrow();
  });

  it.each([
    ['position 0', { position: 0 }],
    ['a negative position', { position: -2 }],
    ['a fractional position', { position: 1.5 }],
    ['a missing video', { videoId: 0 }],
    ['a missing owner', { ownerId: 0 }],
  ])('refuses %s', (_label, overrides) => {
    expect(() => validateClick({ ...click, ...overrides })).toThrow(invalid);
  });
});

describe('validateListQuery', () => {
  it('fills page 1 and 20 per page, and maps statuses', () => {
    expect(validateListQuery(list({ statuses: [JobStatus.JOB_STATUS_FAILED, JobStatus.JOB_STATUS_FAILED] }))).toEqual({
      ownerId: 1,
      states: ['failed'],
      createdAfter: undefined,
      createdBefore: undefined,
      queryContains: undefined,
      page: 1,
      perPage: 20,
    });
  });

  it.each([
    ['per_page 101', { perPage: 101 }],
    ['a negative page', { page: -2 }],
    ['an unspecified status', { statuses: [JobStatus.JOB_STATUS_UNSPECIFIED] }],
    ['a bad date', { createdAfter: 'yesterday' }],
    ['an inverted range', { createdAfter: '2026-02-01', createdBefore: '2026-01-01' }],
  ])('refuses %s', (_label, overrides) => {
    expect(() => validateListQuery(list(overrides))).toThrow(invalid);
  });
});

describe('parseTimestamp', () => {
  it('normalises dates to UTC ISO strings and treats empty as unbounded', () => {
    expect(parseTimestamp('2026-11-26', 'x')).toBe('2026-11-26T00:00:00.000Z');
    expect(parseTimestamp('2026-11-26T12:00:00+02:00', 'x')).toBe('2026-11-26T10:00:00.000Z');
    expect(parseTimestamp('', 'x')).toBeUndefined();
  });
});
