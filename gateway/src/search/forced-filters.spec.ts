import type { SearchFilters } from '@proto/gen/ts/videosearch/search/v1/common';
import { applyForcedFilters, isWithinForcedFilters, NO_VIDEO_TAG, restrictsSearch } from './forced-filters';

function filters(overrides: Partial<SearchFilters> = {}): SearchFilters {
  return { videoIds: [], tags: [], tagsAll: [], tagsNot: [], createdAfter: '', createdBefore: '', ...overrides };
}

/** What a matching-nothing search carries besides the token's own restrictions. */
const nothing = { tagsAll: [NO_VIDEO_TAG], tagsNot: [NO_VIDEO_TAG] };

describe('forced filters', () => {
  describe('restrictsSearch', () => {
    it('treats no token and a token created with {} (or empty lists) as unrestricted', () => {
      expect(restrictsSearch(null)).toBe(false);
      expect(restrictsSearch({})).toBe(false);
      expect(restrictsSearch({ tags: [], video_ids: [] })).toBe(false);
      expect(restrictsSearch({ min_duration: 0 })).toBe(true);
    });
  });

  describe('applyForcedFilters', () => {
    it("leaves a request alone when the caller's token restricts nothing", () => {
      const own = filters({ tags: ['a'] });
      expect(applyForcedFilters(own, null)).toBe(own);
    });

    it("confines the request to the token's videos, intersecting the ids both name", () => {
      expect(applyForcedFilters(filters(), { video_ids: [1, 2, 3] }).videoIds).toEqual([1, 2, 3]);
      expect(applyForcedFilters(filters({ videoIds: [2, 3, 9] }), { video_ids: [1, 2, 3] }).videoIds).toEqual([2, 3]);
    });

    it("matches nothing when the request's ids all lie outside the token, still within the token's ids", () => {
      expect(applyForcedFilters(filters({ videoIds: [9] }), { video_ids: [1, 2] })).toMatchObject({
        videoIds: [1, 2],
        ...nothing,
      });
    });

    it.each([
      ['no own tags', [], ['a', 'b'], ['a', 'b'], []],
      ['own tags within the forced ones', ['a'], ['a', 'b'], ['a'], []],
      ['forced tags within the own ones', ['a', 'b', 'c'], ['b'], ['b'], []],
      ['a single own tag outside', ['x'], ['a', 'b'], ['a', 'b'], ['x']],
      ['a single forced tag outside', ['x', 'y'], ['a'], ['x', 'y'], ['a']],
      ['two sets sharing some tags', ['a', 'x', 'y'], ['a', 'b', 'x'], ['a', 'x'], []],
    ])('keeps both any-of sets with %s', (_case, own, forced, tags, tagsAll) => {
      expect(applyForcedFilters(filters({ tags: own }), { tags: forced })).toMatchObject({ tags, tagsAll });
    });

    it('compares tags case-insensitively', () => {
      expect(applyForcedFilters(filters({ tags: ['Public'] }), { tags: ['public', 'shared'] }).tags).toEqual([
        'Public',
      ]);
    });

    it('matches nothing when two any-of sets of several tags share none, keeping the forced set', () => {
      expect(applyForcedFilters(filters({ tags: ['x', 'y'] }), { tags: ['a', 'b'] })).toMatchObject({
        tags: ['a', 'b'],
        ...nothing,
      });
    });

    it('adds the forced all-of and none-of tags to the own ones', () => {
      expect(
        applyForcedFilters(filters({ tagsAll: ['a'], tagsNot: ['x'] }), { tags_all: ['b', 'A'], tags_not: ['y'] }),
      ).toMatchObject({ tagsAll: ['a', 'b'], tagsNot: ['x', 'y'] });
    });

    it('takes the tighter bound of each duration and creation range', () => {
      expect(
        applyForcedFilters(
          filters({
            minDuration: 10,
            maxDuration: 500,
            createdAfter: '2026-02-01',
            createdBefore: '2026-12-31T00:00:00Z',
          }),
          { min_duration: 60, max_duration: 900, created_after: '2026-01-01', created_before: '2026-06-30' },
        ),
      ).toMatchObject({
        minDuration: 60,
        maxDuration: 500,
        createdAfter: '2026-02-01',
        createdBefore: '2026-06-30',
        tagsAll: [],
      });
    });

    it("matches nothing when the request's range and the token's do not overlap", () => {
      expect(applyForcedFilters(filters({ minDuration: 600 }), { max_duration: 300 })).toMatchObject({
        minDuration: undefined,
        maxDuration: 300,
        ...nothing,
      });
      expect(
        applyForcedFilters(filters({ createdBefore: '2025-12-31' }), { created_after: '2026-01-01' }),
      ).toMatchObject({ createdAfter: '2026-01-01', createdBefore: '', ...nothing });
    });

    it("counts a bare upper date as its whole day, so the token's last day still overlaps", () => {
      expect(
        applyForcedFilters(filters({ createdAfter: '2026-06-30T18:00:00Z' }), { created_before: '2026-06-30' }).tagsAll,
      ).toEqual([]);
    });

    it('leaves a request whose own range is empty for the search service to refuse', () => {
      expect(applyForcedFilters(filters({ minDuration: 600, maxDuration: 10 }), { max_duration: 300 })).toMatchObject({
        minDuration: 600,
        maxDuration: 10,
        tagsAll: [],
      });
    });
  });

  describe('isWithinForcedFilters', () => {
    const forced = {
      video_ids: [1, 2],
      tags: ['public', 'shared'],
      tags_all: ['ok'],
      tags_not: ['secret'],
      min_duration: 10,
      max_duration: 600,
      created_after: '2026-01-01',
      created_before: '2026-06-30',
    };

    it("holds for every search the token ran, whatever the request's own filters", () => {
      for (const own of [
        filters(),
        filters({ videoIds: [2, 7], tags: ['x'] }),
        filters({ tags: ['x', 'y'], minDuration: 900 }),
        filters({ tags: ['public', 'x'], createdBefore: '2026-03-01' }),
      ]) {
        expect(isWithinForcedFilters(applyForcedFilters(own, forced), forced)).toBe(true);
      }
    });

    it("fails for a job that reaches outside the token (e.g. the owner's own wider search)", () => {
      const inside = applyForcedFilters(filters(), forced);
      expect(isWithinForcedFilters(filters(), forced)).toBe(false);
      expect(isWithinForcedFilters({ ...inside, videoIds: [1, 3] }, forced)).toBe(false);
      expect(isWithinForcedFilters({ ...inside, tags: ['public', 'private'] }, forced)).toBe(false);
      expect(isWithinForcedFilters({ ...inside, tagsNot: [] }, forced)).toBe(false);
      expect(isWithinForcedFilters({ ...inside, maxDuration: 601 }, forced)).toBe(false);
      expect(isWithinForcedFilters({ ...inside, createdBefore: '2026-07-01' }, forced)).toBe(false);
    });

    it('holds for every job when the token restricts nothing', () => {
      expect(isWithinForcedFilters(filters(), {})).toBe(true);
      expect(isWithinForcedFilters(undefined, null)).toBe(true);
    });
  });
});
