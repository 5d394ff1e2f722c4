import { BadRequestException } from '@nestjs/common';
import { FILTERED_COUNT_LIMIT, ListVideosQueryDto, VideoListDto } from './dto/video.dto';
import { PageAnchors } from './page-anchors';
import { VideoCountsRepository } from './video-counts.repository';
import { decodeCursor, encodeCursor } from './video-cursor';
import { VideoListService } from './video-list.service';
import { VideoPageCache } from './video-page.cache';
import { ListedVideo, VideosRepository } from './videos.repository';

const NO_FILTERS = {
  text: undefined,
  minDuration: undefined,
  maxDuration: undefined,
  createdAfter: undefined,
  createdBefore: undefined,
  tag: undefined,
};

/** `count` listed videos with ids from `firstId` up, keyed by duration = id. */
function listed(count: number, firstId = 1): ListedVideo[] {
  return Array.from({ length: count }, (_, i) => {
    const id = firstId + i;
    return {
      video: {
        id,
        ownerId: 7,
        title: `Video ${id}`,
        description: '',
        duration: id,
        tags: [],
        version: 1,
        createdAt: new Date('2026-11-26T10:00:00Z'),
        updatedAt: new Date('2026-11-26T10:00:00Z'),
      },
      position: { key: id, id },
    };
  });
}

function listQuery(overrides: Partial<ListVideosQueryDto> = {}): ListVideosQueryDto {
  return Object.assign(new ListVideosQueryDto(), overrides);
}

const ids = (result: { videos: Array<{ id: number }> }): number[] => result.videos.map((video) => video.id);

describe(VideoListService.name, () => {
  let sut: VideoListService;
  let videos: jest.Mocked<Pick<VideosRepository, 'page' | 'countMatching'>>;
  let counts: jest.Mocked<Pick<VideoCountsRepository, 'state'>>;
  let anchors: jest.Mocked<Pick<PageAnchors, 'seek'>>;

  /** The page a list answers, as its client reads it. */
  const listPage = async (ownerId: number, query: ListVideosQueryDto): Promise<VideoListDto> =>
    JSON.parse((await sut.list(ownerId, query)).text) as VideoListDto;

  beforeEach(() => {
    videos = {
      page: jest.fn().mockResolvedValue([]),
      countMatching: jest.fn(),
    };
    counts = { state: jest.fn().mockResolvedValue({ total: 0, revision: 0, contentRevision: 0 }) };
    anchors = { seek: jest.fn() };
    sut = new VideoListService(
      videos as unknown as VideosRepository,
      counts as unknown as VideoCountsRepository,
      anchors as unknown as PageAnchors,
      new VideoPageCache({ listCacheBytes: 1024 * 1024 }),
    );
  });

  describe('by page number', () => {
    it('reads the page and one row more, with the stored total, and hands out a cursor to the next page', async () => {
      counts.state.mockResolvedValue({ total: 1000, revision: 4, contentRevision: 4 });
      videos.page.mockResolvedValue(listed(21, 41));

      const result = await listPage(7, listQuery({ page: 3, per_page: 20, sort: 'duration', order: 'asc' }));

      expect(counts.state).toHaveBeenCalledWith(7);
      expect(videos.page).toHaveBeenCalledWith({
        ownerId: 7,
        filters: NO_FILTERS,
        sort: 'duration',
        order: 'asc',
        offset: 40,
        limit: 21,
      });
      expect(ids(result)).toEqual(listed(20, 41).map(({ video }) => video.id));
      expect(result.pagination).toEqual({ page: 3, per_page: 20, total: 1000, pages: 50 });
      expect(decodeCursor(result.next_cursor as string, 'duration', 'asc')).toEqual({
        sort: 'duration',
        order: 'asc',
        after: { key: 60, id: 60 },
        position: 60,
      });
    });

    it('defaults to the first page of 20, newest first, with the stored total', async () => {
      counts.state.mockResolvedValue({ total: 3, revision: 1, contentRevision: 1 });
      videos.page.mockResolvedValue(listed(3));

      const result = await listPage(7, listQuery());

      expect(counts.state).toHaveBeenCalledWith(7);
      expect(videos.page).toHaveBeenCalledWith({
        ownerId: 7,
        filters: NO_FILTERS,
        sort: 'created_at',
        order: 'desc',
        after: undefined,
        offset: 0,
        limit: 21,
      });
      expect(result.pagination).toEqual({ page: 1, per_page: 20, total: 3, pages: 1 });
      expect(result.next_cursor).toBeNull();
    });

    it('answers an empty library with no pages', async () => {
      const result = await listPage(7, listQuery());

      expect(result.pagination).toEqual({ page: 1, per_page: 20, total: 0, pages: 0 });
      expect(result.next_cursor).toBeNull();
    });

    it('answers next_cursor null on the last page', async () => {
      counts.state.mockResolvedValue({ total: 25, revision: 1, contentRevision: 1 });
      // Read backwards from the end, so last-first.
      videos.page.mockResolvedValue(listed(5, 21).reverse());

      const result = await listPage(7, listQuery({ page: 2, per_page: 20 }));

      expect(ids(result)).toEqual([21, 22, 23, 24, 25]);
      expect(result.next_cursor).toBeNull();
    });

    it('reads a page past the middle backwards from the end and returns it in list order', async () => {
      counts.state.mockResolvedValue({ total: 57, revision: 1, contentRevision: 1 });
      videos.page.mockResolvedValue(listed(11, 40).reverse());

      const result = await listPage(7, listQuery({ page: 5, per_page: 10, sort: 'duration', order: 'desc' }));

      expect(videos.page).toHaveBeenCalledWith(expect.objectContaining({ order: 'asc', offset: 6, limit: 11 }));
      expect(ids(result)).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
      expect(result.next_cursor).not.toBeNull();
    });

    it('reads nothing for a page wholly past the end', async () => {
      counts.state.mockResolvedValue({ total: 5, revision: 1, contentRevision: 1 });

      const result = await listPage(7, listQuery({ page: 4, per_page: 2 }));

      expect(videos.page).not.toHaveBeenCalled();
      expect(result).toEqual({
        videos: [],
        pagination: { page: 4, per_page: 2, total: 5, pages: 3 },
        next_cursor: null,
      });
    });

    it('seeks a deep page of the whole library from the nearest anchor', async () => {
      counts.state.mockResolvedValue({ total: 100_000, revision: 9, contentRevision: 9 });
      anchors.seek.mockResolvedValue({ after: { key: 49_899, id: 49_899 }, skip: 100 });
      videos.page.mockResolvedValue(listed(21, 50_000));

      const result = await listPage(7, listQuery({ page: 2500, per_page: 20, sort: 'duration', order: 'desc' }));

      // Descending videos 49,980..50,000 are ascending positions 49,999..50,019.
      expect(anchors.seek).toHaveBeenCalledWith(7, 'duration', 9, 49_999);
      expect(videos.page).toHaveBeenCalledWith({
        ownerId: 7,
        filters: {},
        sort: 'duration',
        order: 'asc',
        after: { key: 49_899, id: 49_899 },
        offset: 100,
        limit: 21,
      });
      expect(ids(result)).toEqual(
        listed(20, 50_001)
          .map(({ video }) => video.id)
          .reverse(),
      );
      expect(result.pagination).toEqual({ page: 2500, per_page: 20, total: 100_000, pages: 5000 });
    });

    it('reads from the nearer end when the anchors are unavailable', async () => {
      counts.state.mockResolvedValue({ total: 100_000, revision: 9, contentRevision: 9 });
      anchors.seek.mockResolvedValue(null);

      await sut.list(7, listQuery({ page: 2500, per_page: 20 }));

      expect(videos.page).toHaveBeenCalledWith(expect.objectContaining({ order: 'desc', offset: 49_980, limit: 21 }));
    });

    it('reads pages near either end directly, without anchors', async () => {
      counts.state.mockResolvedValue({ total: 100_000, revision: 9, contentRevision: 9 });

      await sut.list(7, listQuery({ page: 5, per_page: 20 }));
      await sut.list(7, listQuery({ page: 4996, per_page: 20 }));

      expect(anchors.seek).not.toHaveBeenCalled();
    });
  });

  describe('by cursor', () => {
    const cursor = encodeCursor({ sort: 'title', order: 'asc', after: { key: 'b', id: 3 }, position: 40 });

    it('reads right after the cursor position and reports the page number it reached', async () => {
      counts.state.mockResolvedValue({ total: 100, revision: 1, contentRevision: 1 });
      videos.page.mockResolvedValue(listed(21, 4).map((row) => ({ ...row, position: { key: 'c', id: row.video.id } })));

      const result = await listPage(7, listQuery({ cursor, per_page: 20, sort: 'title', order: 'asc' }));

      expect(videos.page).toHaveBeenCalledWith({
        ownerId: 7,
        filters: NO_FILTERS,
        sort: 'title',
        order: 'asc',
        after: { key: 'b', id: 3 },
        offset: 0,
        limit: 21,
      });
      expect(result.pagination).toEqual({ page: 3, per_page: 20, total: 100, pages: 5 });
      expect(decodeCursor(result.next_cursor as string, 'title', 'asc').position).toBe(60);
    });

    it('answers next_cursor null when no video follows', async () => {
      counts.state.mockResolvedValue({ total: 45, revision: 1, contentRevision: 1 });
      videos.page.mockResolvedValue(listed(5, 4));

      const result = await listPage(7, listQuery({ cursor, per_page: 20, sort: 'title', order: 'asc' }));

      expect(result.next_cursor).toBeNull();
    });

    it('refuses a cursor sent with a page number', async () => {
      await expect(sut.list(7, listQuery({ cursor, page: 1, sort: 'title', order: 'asc' }))).rejects.toThrow(
        new BadRequestException('send either cursor or page, not both'),
      );
      expect(counts.state).not.toHaveBeenCalled();
    });

    it('refuses a cursor of another order before reading anything', async () => {
      await expect(sut.list(7, listQuery({ cursor, sort: 'title', order: 'desc' }))).rejects.toThrow(
        BadRequestException,
      );
      expect(counts.state).not.toHaveBeenCalled();
    });
  });

  describe('filtered', () => {
    it('counts the matches, up to one past the limit, instead of taking the stored total', async () => {
      counts.state.mockResolvedValue({ total: 1000, revision: 1, contentRevision: 1 });
      videos.countMatching.mockResolvedValue(57);

      const result = await listPage(7, listQuery({ q: '  intro ', tag: 'news', min_duration: 10 }));

      const filters = { ...NO_FILTERS, text: 'intro', tag: 'news', minDuration: 10 };
      expect(videos.countMatching).toHaveBeenCalledWith(7, filters, FILTERED_COUNT_LIMIT + 1);
      expect(videos.page).toHaveBeenCalledWith(expect.objectContaining({ filters, offset: 0, limit: 21 }));
      expect(result.pagination).toEqual({ page: 1, per_page: 20, total: 57, pages: 3 });
    });

    it('flags the total as estimated, a lower bound, once the matches pass the counting limit', async () => {
      videos.countMatching.mockResolvedValue(FILTERED_COUNT_LIMIT + 1);
      videos.page.mockResolvedValue(listed(21));

      const first = await listPage(7, listQuery({ tag: 'news' }));
      const deep = await listPage(7, listQuery({ tag: 'news', page: 60 }));

      expect(first.pagination).toEqual({
        page: 1,
        per_page: 20,
        total: FILTERED_COUNT_LIMIT,
        pages: FILTERED_COUNT_LIMIT / 20,
        total_estimated: true,
      });
      expect(videos.page).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 1180, limit: 21 }));
      expect(deep.pagination).toMatchObject({ total: 1200, pages: 60, total_estimated: true });
    });

    it('parses the date filters', async () => {
      videos.countMatching.mockResolvedValue(0);

      await sut.list(7, listQuery({ created_after: '2026-11-01', created_before: '2026-11-30T23:59:59Z' }));

      expect(videos.countMatching).toHaveBeenCalledWith(
        7,
        expect.objectContaining({
          createdAfter: new Date('2026-11-01T00:00:00Z'),
          createdBefore: new Date('2026-11-30T23:59:59Z'),
        }),
        FILTERED_COUNT_LIMIT + 1,
      );
    });

    it('rejects an inverted duration range', async () => {
      await expect(sut.list(7, listQuery({ min_duration: 10, max_duration: 5 }))).rejects.toThrow(
        'min_duration must not be greater than max_duration',
      );
      expect(videos.page).not.toHaveBeenCalled();
    });

    it('rejects an inverted date range', async () => {
      await expect(
        sut.list(7, listQuery({ created_after: '2026-12-01', created_before: '2026-11-01' })),
      ).rejects.toThrow('created_after must not be later than created_before');
    });
  });

  describe('answered again', () => {
    beforeEach(() => {
      counts.state.mockResolvedValue({ total: 1000, revision: 4, contentRevision: 12 });
      videos.page.mockResolvedValue(listed(21, 41));
    });

    it('answers the same page from memory, reading only the stored state, while the videos are as they were', async () => {
      const first = await sut.list(7, listQuery({ page: 1, sort: 'duration' }));
      const again = await sut.list(7, listQuery({ page: 1, sort: 'duration' }));

      expect(again).toBe(first);
      expect(videos.page).toHaveBeenCalledTimes(1);
      expect(counts.state).toHaveBeenCalledTimes(2);
    });

    it('reads the page again once any write has moved the content revision', async () => {
      await sut.list(7, listQuery());
      counts.state.mockResolvedValue({ total: 1000, revision: 4, contentRevision: 13 });
      videos.page.mockResolvedValue(listed(21, 42));

      const after = await listPage(7, listQuery());

      expect(videos.page).toHaveBeenCalledTimes(2);
      expect(ids(after)[0]).toBe(42);
    });

    it('keeps pages apart by owner and by every field of the query', async () => {
      await sut.list(7, listQuery());
      await sut.list(8, listQuery());
      await sut.list(7, listQuery({ per_page: 10 }));
      await sut.list(7, listQuery({ order: 'asc' }));
      videos.countMatching.mockResolvedValue(3);
      await sut.list(7, listQuery({ tag: 'news' }));

      expect(videos.page).toHaveBeenCalledTimes(5);
    });

    it("shares one owner's state read among concurrent lists, never one begun before they asked", async () => {
      await sut.list(7, listQuery());
      counts.state.mockClear();
      let finishRunning: (state: { total: number; revision: number; contentRevision: number }) => void = () => {};
      counts.state.mockReturnValueOnce(new Promise((resolve) => (finishRunning = resolve)));

      const running = sut.list(7, listQuery());
      const arrivedMeanwhile = [sut.list(7, listQuery()), sut.list(7, listQuery()), sut.list(7, listQuery())];
      finishRunning({ total: 1000, revision: 4, contentRevision: 12 });
      await Promise.all([running, ...arrivedMeanwhile]);

      expect(counts.state).toHaveBeenCalledTimes(2);
    });

    it('validates a request before answering it from memory', async () => {
      await sut.list(7, listQuery({ min_duration: 1, max_duration: 5 }));

      await expect(sut.list(7, listQuery({ min_duration: 10, max_duration: 5 }))).rejects.toThrow(BadRequestException);
    });
  });
});
