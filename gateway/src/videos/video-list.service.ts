import { BadRequestException, Injectable } from '@nestjs/common';
import { FILTERED_COUNT_LIMIT, ListVideosQueryDto, SortOrder, VideoListDto } from './dto/video.dto';
import { ANCHOR_SPACING, PageAnchors } from './page-anchors';
import { ascendingRange, planPageScan } from './page-scan';
import { ListState, VideoCountsRepository } from './video-counts.repository';
import { decodeCursor, encodeCursor } from './video-cursor';
import { toVideoDto } from './video-dto.mapper';
import { ListedVideo, SortPosition, VideoFilters, VideosRepository } from './videos.repository';

/**
 * How many videos a list holds: exact, or (filtered lists only) a lower bound where counting stopped.
 * Only the stored count of a whole library comes with the revision it was read at.
 */
interface ListCount {
  total: number;
  exact: boolean;
  revision?: number;
}

/**
 * One page of an owner's videos, by page number or by cursor. Every read is a short walk along the
 * (owner_id, sort key, id) index: a cursor seeks to its position; a page number near either end skips
 * from the nearer end; a deep page number of an unfiltered list seeks to the nearest anchor. Unfiltered
 * totals come from the stored count, filtered ones are counted up to FILTERED_COUNT_LIMIT.
 */
@Injectable()
export class VideoListService {
  constructor(
    private readonly videos: VideosRepository,
    private readonly counts: VideoCountsRepository,
    private readonly anchors: PageAnchors,
  ) {}

  async list(ownerId: number, query: ListVideosQueryDto): Promise<VideoListDto> {
    const filters = filtersOf(query);
    if (query.cursor !== undefined && query.page !== undefined) {
      throw new BadRequestException('send either cursor or page, not both');
    }
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort, query.order);
    const pageSize = query.per_page;
    const start = cursor ? cursor.position : ((query.page ?? 1) - 1) * pageSize;
    const { rows, count } =
      cursor || start === 0
        ? await this.readForward(ownerId, filters, query, cursor?.after)
        : await this.readAt(ownerId, filters, query, start);
    const listed = rows.slice(0, pageSize);
    const last = listed.at(-1);
    const nextCursor =
      rows.length > pageSize && last
        ? encodeCursor({ sort: query.sort, order: query.order, after: last.position, position: start + listed.length })
        : null;
    // Past the counting limit, the videos actually seen are a better lower bound than the limit.
    const total = count.exact ? count.total : Math.max(count.total, start + listed.length);
    return {
      videos: listed.map(({ video }) => toVideoDto(video)),
      pagination: {
        page: Math.floor(start / pageSize) + 1,
        per_page: pageSize,
        total,
        pages: Math.ceil(total / pageSize),
        ...(count.exact ? {} : { total_estimated: true as const }),
      },
      next_cursor: nextCursor,
    };
  }

  /**
   * A first page or a cursor's page: read forward whatever the total, so an unfiltered list reads the stored total
   * in the page's own statement (a second statement only when the page is empty).
   */
  private async readForward(
    ownerId: number,
    filters: VideoFilters,
    query: ListVideosQueryDto,
    after: SortPosition | undefined,
  ): Promise<{ rows: ListedVideo[]; count: ListCount }> {
    const read = {
      ownerId,
      filters,
      sort: query.sort,
      order: query.order,
      after,
      offset: 0,
      limit: query.per_page + 1,
    };
    if (hasFilters(filters)) {
      const count = await this.count(ownerId, filters);
      return { rows: await this.videos.page(read), count };
    }
    const { videos, total } = await this.videos.pageWithTotal(read);
    return { rows: videos, count: total === null ? await this.count(ownerId, filters) : { total, exact: true } };
  }

  private async readAt(
    ownerId: number,
    filters: VideoFilters,
    query: ListVideosQueryDto,
    start: number,
  ): Promise<{ rows: ListedVideo[]; count: ListCount }> {
    const count = await this.count(ownerId, filters);
    return { rows: await this.readPageAt(ownerId, filters, query, start, count), count };
  }

  private async count(ownerId: number, filters: VideoFilters): Promise<ListCount> {
    if (!hasFilters(filters)) {
      return { ...(await this.counts.state(ownerId)), exact: true };
    }
    const counted = await this.videos.countMatching(ownerId, filters, FILTERED_COUNT_LIMIT + 1);
    return counted > FILTERED_COUNT_LIMIT
      ? { total: FILTERED_COUNT_LIMIT, exact: false }
      : { total: counted, exact: true };
  }

  /** The page starting `offset` videos in, plus the video after it when there is one. */
  private async readPageAt(
    ownerId: number,
    filters: VideoFilters,
    query: ListVideosQueryDto,
    offset: number,
    count: ListCount,
  ): Promise<ListedVideo[]> {
    const scan = planPageScan(offset, query.per_page, count.exact ? count.total : undefined);
    if (!scan) {
      return [];
    }
    if (count.revision !== undefined && scan.offset >= ANCHOR_SPACING) {
      const anchored = await this.readFromAnchor(ownerId, query, offset, {
        total: count.total,
        revision: count.revision,
      });
      if (anchored) {
        return anchored;
      }
    }
    const rows = await this.videos.page({
      ownerId,
      filters,
      sort: query.sort,
      order: scan.reverse ? opposite(query.order) : query.order,
      offset: scan.offset,
      limit: scan.limit,
    });
    return scan.reverse ? rows.reverse() : rows;
  }

  private async readFromAnchor(
    ownerId: number,
    query: ListVideosQueryDto,
    offset: number,
    state: ListState,
  ): Promise<ListedVideo[] | null> {
    const range = ascendingRange(offset, query.per_page, state.total, query.order);
    const start = await this.anchors.seek(ownerId, query.sort, state.revision, range.from);
    if (!start) {
      return null;
    }
    const rows = await this.videos.page({
      ownerId,
      filters: {},
      sort: query.sort,
      order: 'asc',
      after: start.after,
      offset: start.skip,
      limit: range.to - range.from,
    });
    return query.order === 'asc' ? rows : rows.reverse();
  }
}

function filtersOf(query: ListVideosQueryDto): VideoFilters {
  const createdAfter = query.created_after ? new Date(query.created_after) : undefined;
  const createdBefore = query.created_before ? new Date(query.created_before) : undefined;
  if (query.min_duration !== undefined && query.max_duration !== undefined && query.min_duration > query.max_duration) {
    throw new BadRequestException('min_duration must not be greater than max_duration');
  }
  if (createdAfter && createdBefore && createdAfter > createdBefore) {
    throw new BadRequestException('created_after must not be later than created_before');
  }
  return {
    text: query.q?.trim() || undefined,
    minDuration: query.min_duration,
    maxDuration: query.max_duration,
    createdAfter,
    createdBefore,
    tag: query.tag?.trim() || undefined,
  };
}

function hasFilters(filters: VideoFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

function opposite(order: SortOrder): SortOrder {
  return order === 'asc' ? 'desc' : 'asc';
}
