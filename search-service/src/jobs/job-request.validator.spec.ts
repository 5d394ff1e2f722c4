import { JobStatus, ListJobsRequest, SubmitSearchRequest } from '@proto/gen/ts/videosearch/search/v1/search';
import { SearchExceptionCode } from '@search/common/search.exception';
import { parseTimestamp, validateListQuery, validateSubmit } from './job-request.validator';

const ALGORITHMS = [
  { name: 'auto', description: 'combined', isDefault: true },
  { name: 'text', description: 'keywords', isDefault: false },
];

function submit(overrides: Partial<SubmitSearchRequest> = {}): SubmitSearchRequest {
  return { ownerId: 1, query: 'cats', algorithm: '', filters: undefined, limit: 0, ...overrides };
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
      algorithm: 'auto',
      filters: { videoIds: [], tags: [], minDuration: undefined, maxDuration: undefined },
      limit: 20,
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
  ])('refuses %s', (_label, overrides) => {
    expect(() => validateSubmit(submit(overrides), ALGORITHMS)).toThrow(invalid);
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
