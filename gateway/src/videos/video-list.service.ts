import { BadRequestException, Injectable } from '@nestjs/common';
import { FreshReads } from '../common/concurrency/fresh-reads';
import { JsonText } from '../common/http/json-text';
import { FILTERED_COUNT_LIMIT, ListVideosQueryDto, SortOrder, VideoListDto } from './dto/video.dto';
import { ANCHOR_SPACING, PageAnchors } from './page-anchors';
import { ascendingRange, planPageScan } from './page-scan';
import { ListState, VideoCountsRepository } from './video-counts.repository';
import { decodeCursor, encodeCursor, VideoCursor } from './video-cursor';
import { toVideoDto } from './video-dto.mapper';
import { VideoPageCache } from './video-page.cache';
import { ListedVideo, VideoFilters, VideosRepository } from './videos.repository';

/** How many videos a list holds: exact, or (filtered lists only) a lower bound where counting stopped. */
interface ListCount {
  total: number;
  exact: boolean;
}

/**
 * One page of an owner's videos, by page number or by cursor. Every read is a short walk along the
 * (owner_id, sort key, id) index: a cursor seeks to its position; a page number near either end skips
 * from the nearer end; a deep page number of an unfiltered list seeks to the nearest anchor. Unfiltered
 * totals come from the stored count, filtered ones are counted up to FILTERED_COUNT_LIMIT. The stored
 * state is read first: while it says the owner's videos are as they were, a page answered before is
 * answered again without reading it. Concurrent lists of one owner share that read (never one begun
 * before they asked), so a busy owner costs the database about one state read at a time, not one per request.
 */
@Injectable()
export class VideoListService {
  private readonly states: FreshReads<number, ListState>;

  constructor(
    private readonly videos: VideosRepository,
    private readonly counts: VideoCountsRepository,
    private readonly anchors: PageAnchors,
    private readonly pages: VideoPageCache,
  ) {
    this.states = new FreshReads((ownerId) => this.counts.state(ownerId));
  }

  async list(ownerId: number, query: ListVideosQueryDto): Promise<JsonText<VideoListDto>> {
    const filters = filtersOf(query);
    if (query.cursor !== undefined && query.page !== undefined) {
      throw new BadRequestException('send either cursor or page, not both');
    }
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort, query.order);
    const state = await this.states.read(ownerId);
    const key = pageKey(query);
    const kept = this.pages.get(ownerId, key, state.contentRevision);
    if (kept) {
      return kept;
    }
    const page = JsonText.of(await this.read(ownerId, query, filters, cursor, state));
    this.pages.keep(ownerId, key, state.contentRevision, page);
    return page;
  }

  /** The page the query asks for, counted against the stored state read before it. */
  private async read(
    ownerId: number,
    query: ListVideosQueryDto,
    filters: VideoFilters,
    cursor: VideoCursor | undefined,
    state: ListState,
  ): Promise<VideoListDto> {
    const pageSize = query.per_page;
    const start = cursor ? cursor.position : ((query.page ?? 1) - 1) * pageSize;
    const filtered = hasFilters(filters);
    const count = filtered ? await this.countMatching(ownerId, filters) : { total: state.total, exact: true };
    const rows =
      cursor || start === 0
        ? await this.videos.page({
            ownerId,
            filters,
            sort: query.sort,
            order: query.order,
            after: cursor?.after,
            offset: 0,
            limit: pageSize + 1,
          })
        : await this.readPageAt(ownerId, filters, query, start, count, filtered ? undefined : state);
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

  private async countMatching(ownerId: number, filters: VideoFilters): Promise<ListCount> {
    const counted = await this.videos.countMatching(ownerId, filters, FILTERED_COUNT_LIMIT + 1);
    return counted > FILTERED_COUNT_LIMIT
      ? { total: FILTERED_COUNT_LIMIT, exact: false }
      : { total: counted, exact: true };
  }

  /**
   * The page starting `offset` videos in, plus the video after it when there is one. `state` is the stored
   * state of an unfiltered list, whose deep pages seek from the anchors of its order.
   */
  private async readPageAt(
    ownerId: number,
    filters: VideoFilters,
    query: ListVideosQueryDto,
    offset: number,
    count: ListCount,
    state: ListState | undefined,
  ): Promise<ListedVideo[]> {
    const scan = planPageScan(offset, query.per_page, count.exact ? count.total : undefined);
    if (!scan) {
      return [];
    }
    if (state && scan.offset >= ANCHOR_SPACING) {
      const anchored = await this.readFromAnchor(ownerId, query, offset, state);
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

/**
 * A list request's page as a key: every field of the validated query, by name. Validation lets no other property
 * through, so a field added to the query is part of the key without being listed here.
 */
function pageKey(query: ListVideosQueryDto): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function hasFilters(filters: VideoFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

function opposite(order: SortOrder): SortOrder {
  return order === 'asc' ? 'desc' : 'asc';
}
