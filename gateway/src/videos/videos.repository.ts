import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { columnOf, hydrateDate, persistDate, queryNamed } from '../database/named-sql';
import type { SortOrder, VideoSortField } from './dto/video.dto';
import { VideoTag } from './video-tag.entity';
import { Video } from './video.entity';

/** A video with its tags, in the order they were given. */
export type VideoRecord = Omit<Video, 'tagRows' | 'titleLower'> & { tags: string[] };

/** A video's place in one list order: its sort key (ISO date, lower-cased title or seconds) and its id. */
export interface SortPosition {
  key: string | number;
  id: number;
}

export interface VideoFilters {
  text?: string;
  minDuration?: number;
  maxDuration?: number;
  createdAfter?: Date;
  createdBefore?: Date;
  tag?: string;
}

export interface VideoPageRead {
  ownerId: number;
  filters: VideoFilters;
  sort: VideoSortField;
  /** The direction the rows are read in. */
  order: SortOrder;
  /** Only rows strictly after this position in `order`. */
  after?: SortPosition;
  offset: number;
  limit: number;
}

/** A listed video and its place in the order it was listed in. */
export interface ListedVideo {
  video: VideoRecord;
  position: SortPosition;
}

export interface NewVideo {
  ownerId: number;
  title: string;
  description: string;
  duration: number;
  tags: string[];
}

export type VideoChanges = Partial<Pick<VideoRecord, 'title' | 'description' | 'duration' | 'tags'>>;

/** A videos row as list queries read it. */
interface VideoRow {
  id: number;
  owner_id: number;
  title: string;
  title_lower: string;
  description: string;
  duration: number;
  version: number;
  created_at: unknown;
  updated_at: unknown;
  /** The video's tags in their order, as JSON text (SQLite) or already parsed (PostgreSQL's json). */
  tags: string | string[];
}

// Lists are read with plain SQL (see queryNamed); entities are only used for single-video reads and writes.
const VIDEO_COLUMNS =
  'video.id, video.owner_id, video.title, video.title_lower, video.description, video.duration, ' +
  'video.version, video.created_at, video.updated_at';

/**
 * A listed video's tags, aggregated in the page's own statement: one statement per page instead of a second
 * one for the tags, which on PostgreSQL is a round trip less per list request.
 */
const TAG_LIST: Record<'sqlite' | 'postgres', string> = {
  sqlite: '(SELECT json_group_array(vt.tag ORDER BY vt.position) FROM video_tags vt WHERE vt.video_id = video.id)',
  postgres:
    "(SELECT COALESCE(json_agg(vt.tag ORDER BY vt.position), '[]'::json) FROM video_tags vt WHERE vt.video_id = video.id)",
};

// Each is the middle column of an (owner_id, <column>, id) index, so pages are read in index order.
const SORT_COLUMNS: Record<VideoSortField, string> = {
  created_at: 'created_at',
  title: 'title_lower',
  duration: 'duration',
};

@Injectable()
export class VideosRepository {
  private readonly dateColumn: ColumnMetadata;
  private readonly tagList: string;

  constructor(@InjectRepository(Video) private readonly videos: Repository<Video>) {
    this.dateColumn = columnOf(videos, 'createdAt');
    this.tagList = TAG_LIST[videos.manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite'];
  }

  async page(read: VideoPageRead): Promise<ListedVideo[]> {
    const column = `video.${SORT_COLUMNS[read.sort]}`;
    const direction = read.order === 'asc' ? 'ASC' : 'DESC';
    const where = this.conditions(read.ownerId, read.filters);
    if (read.after) {
      // A row-value comparison is one range bound on the index on both databases.
      where.sql.push(`(${column}, video.id) ${read.order === 'asc' ? '>' : '<'} (:afterKey, :afterId)`);
      where.parameters.afterKey = this.keyParameter(read.sort, read.after.key);
      where.parameters.afterId = read.after.id;
    }
    const rows = await queryNamed<VideoRow[]>(
      this.videos.manager,
      `SELECT ${VIDEO_COLUMNS}, ${this.tagList} AS tags FROM videos video ` +
        `WHERE ${where.sql.join(' AND ')} ` +
        `ORDER BY ${column} ${direction}, video.id ${direction} LIMIT :limit OFFSET :offset`,
      { ...where.parameters, limit: read.limit, offset: read.offset },
    );
    return this.toListed(rows, read.sort);
  }

  private toListed(rows: VideoRow[], sort: VideoSortField): ListedVideo[] {
    return rows.map((row) => {
      const video = this.toRecord(row, typeof row.tags === 'string' ? (JSON.parse(row.tags) as string[]) : row.tags);
      return {
        video,
        // Only the last video's position is read (for next_cursor): a date key is not formatted for every row.
        get position(): SortPosition {
          return { key: sortKey(row, video, sort), id: video.id };
        },
      };
    });
  }

  /** The number of matching videos, but counting stops at `limit` so a broad filter costs no more than that. */
  async countMatching(ownerId: number, filters: VideoFilters, limit: number): Promise<number> {
    const where = this.conditions(ownerId, filters);
    const [row] = await queryNamed<Array<{ count: number | string }>>(
      this.videos.manager,
      `SELECT COUNT(*) AS count FROM (SELECT 1 FROM videos video WHERE ${where.sql.join(' AND ')} LIMIT :limit) matches`,
      { ...where.parameters, limit },
    );
    return Number(row.count);
  }

  /**
   * The position of every `spacing`-th video of the owner's whole list in ascending `sort` order: the
   * videos numbered spacing, 2 * spacing, ... counting from 1. One pass along the sort's index.
   */
  async positionsEvery(
    manager: EntityManager,
    ownerId: number,
    sort: VideoSortField,
    spacing: number,
  ): Promise<SortPosition[]> {
    const column = SORT_COLUMNS[sort];
    const rows = await queryNamed<Array<{ sort_key: unknown; id: number | string; n: number | string }>>(
      manager,
      'SELECT ranked.sort_key AS sort_key, ranked.id AS id, ranked.n AS n FROM (' +
        `SELECT ${column} AS sort_key, id, ROW_NUMBER() OVER (ORDER BY ${column}, id) AS n ` +
        'FROM videos WHERE owner_id = :ownerId' +
        ') ranked WHERE ranked.n % :spacing = 0',
      { ownerId, spacing },
    );
    // Ordered here: an ORDER BY on the outer query would make SQLite sort them in a temporary B-tree.
    return rows
      .sort((a, b) => Number(a.n) - Number(b.n))
      .map((row) => ({ key: this.hydrateKey(sort, row.sort_key), id: Number(row.id) }));
  }

  /** Which of `ids` are videos of this owner. */
  async ownedIds(ownerId: number, ids: readonly number[]): Promise<Set<number>> {
    const rows = await this.videos.find({ select: { id: true }, where: { ownerId, id: In([...ids]) } });
    return new Set(rows.map((row) => row.id));
  }

  async findOwned(
    ownerId: number,
    id: number,
    manager: EntityManager = this.videos.manager,
  ): Promise<VideoRecord | null> {
    const video = await manager.findOneBy(Video, { id, ownerId });
    return video ? this.withTags(manager, video) : null;
  }

  /**
   * As findOwned, with the row locked until the transaction ends: two writers of one video (an update
   * and a caption upload) must not both take the same next version, or the index would keep only one.
   * SQLite needs no lock, its transactions run one at a time (TransactionRunner).
   */
  async findOwnedForUpdate(manager: EntityManager, ownerId: number, id: number): Promise<VideoRecord | null> {
    const lock = manager.connection.options.type === 'postgres' ? { mode: 'pessimistic_write' as const } : undefined;
    const video = await manager.findOne(Video, { where: { id, ownerId }, lock });
    return video ? this.withTags(manager, video) : null;
  }

  private async withTags(manager: EntityManager, video: Video): Promise<VideoRecord> {
    return { ...toRecordFields(video), tags: await this.tagsOf(manager, video.id) };
  }

  async create(manager: EntityManager, video: NewVideo): Promise<VideoRecord> {
    const now = new Date();
    const saved = await manager.save(
      manager.create(Video, {
        ownerId: video.ownerId,
        title: video.title,
        titleLower: video.title.toLowerCase(),
        description: video.description,
        duration: video.duration,
        version: 1,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await this.replaceTags(manager, saved.id, video.tags);
    return { ...toRecordFields(saved), tags: video.tags };
  }

  /** Applies the changes and bumps the version; the caller has already loaded `current` in this transaction. */
  async update(manager: EntityManager, current: VideoRecord, changes: VideoChanges): Promise<VideoRecord> {
    const next: VideoRecord = { ...current, ...changes, version: current.version + 1, updatedAt: new Date() };
    await manager.update(
      Video,
      { id: current.id, ownerId: current.ownerId },
      {
        title: next.title,
        titleLower: next.title.toLowerCase(),
        description: next.description,
        duration: next.duration,
        version: next.version,
        updatedAt: next.updatedAt,
      },
    );
    if (changes.tags) {
      await this.replaceTags(manager, current.id, changes.tags);
    }
    return next;
  }

  async delete(manager: EntityManager, video: Pick<VideoRecord, 'id' | 'ownerId'>): Promise<void> {
    await manager.delete(VideoTag, { videoId: video.id });
    await manager.delete(Video, { id: video.id, ownerId: video.ownerId });
  }

  /** The WHERE conditions of an owner's list, with their named parameters. */
  private conditions(ownerId: number, filters: VideoFilters): { sql: string[]; parameters: Record<string, unknown> } {
    const sql = ['video.owner_id = :ownerId'];
    const parameters: Record<string, unknown> = { ownerId };
    if (filters.text) {
      sql.push("(video.title_lower LIKE :pattern ESCAPE '\\' OR LOWER(video.description) LIKE :pattern ESCAPE '\\')");
      parameters.pattern = `%${escapeLike(filters.text.toLowerCase())}%`;
    }
    if (filters.minDuration !== undefined) {
      sql.push('video.duration >= :minDuration');
      parameters.minDuration = filters.minDuration;
    }
    if (filters.maxDuration !== undefined) {
      sql.push('video.duration <= :maxDuration');
      parameters.maxDuration = filters.maxDuration;
    }
    if (filters.createdAfter) {
      sql.push('video.created_at >= :createdAfter');
      parameters.createdAfter = this.toDbDate(filters.createdAfter);
    }
    if (filters.createdBefore) {
      sql.push('video.created_at <= :createdBefore');
      parameters.createdBefore = this.toDbDate(filters.createdBefore);
    }
    if (filters.tag !== undefined) {
      sql.push('EXISTS (SELECT 1 FROM video_tags vt WHERE vt.video_id = video.id AND vt.tag = :tag)');
      parameters.tag = filters.tag;
    }
    return { sql, parameters };
  }

  private keyParameter(sort: VideoSortField, key: string | number): unknown {
    return sort === 'created_at' ? this.toDbDate(new Date(key)) : key;
  }

  /** A sort key read by raw SQL, in the form `sortKey` gives it for an entity. */
  private hydrateKey(sort: VideoSortField, raw: unknown): string | number {
    switch (sort) {
      case 'created_at':
        return this.fromDbDate(raw).toISOString();
      case 'title':
        return String(raw);
      case 'duration':
        return Number(raw);
    }
  }

  private toDbDate(date: Date): unknown {
    return persistDate(this.videos.manager, this.dateColumn, date);
  }

  private fromDbDate(raw: unknown): Date {
    return hydrateDate(this.videos.manager, this.dateColumn, raw);
  }

  private toRecord(row: VideoRow, tags: string[]): VideoRecord {
    return {
      id: row.id,
      ownerId: row.owner_id,
      title: row.title,
      description: row.description,
      duration: row.duration,
      version: row.version,
      createdAt: this.fromDbDate(row.created_at),
      updatedAt: this.fromDbDate(row.updated_at),
      tags,
    };
  }

  private async replaceTags(manager: EntityManager, videoId: number, tags: string[]): Promise<void> {
    await manager.delete(VideoTag, { videoId });
    if (tags.length > 0) {
      await manager.insert(
        VideoTag,
        tags.map((tag, position) => ({ videoId, tag, position })),
      );
    }
  }

  /** A video's tags in the order they were given. */
  private async tagsOf(manager: EntityManager, videoId: number): Promise<string[]> {
    const rows = await queryNamed<Array<{ tag: string }>>(
      manager,
      'SELECT tag FROM video_tags WHERE video_id = :videoId ORDER BY position',
      { videoId },
    );
    return rows.map((row) => row.tag);
  }
}

function toRecordFields(video: Video): Omit<VideoRecord, 'tags'> {
  const { tagRows: _tagRows, titleLower: _titleLower, ...fields } = video;
  return fields;
}

function sortKey(row: VideoRow, video: VideoRecord, sort: VideoSortField): string | number {
  switch (sort) {
    case 'created_at':
      return video.createdAt.toISOString();
    case 'title':
      return row.title_lower;
    case 'duration':
      return video.duration;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
