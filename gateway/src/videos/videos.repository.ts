import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
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

// Each is the middle column of an (owner_id, <column>, id) index, so pages are read in index order.
const SORT_COLUMNS: Record<VideoSortField, string> = {
  created_at: 'created_at',
  title: 'title_lower',
  duration: 'duration',
};

@Injectable()
export class VideosRepository {
  constructor(@InjectRepository(Video) private readonly videos: Repository<Video>) {}

  async page(read: VideoPageRead): Promise<ListedVideo[]> {
    const column = `video.${SORT_COLUMNS[read.sort]}`;
    const direction = read.order === 'asc' ? 'ASC' : 'DESC';
    const query = this.filtered(read.ownerId, read.filters);
    if (read.after) {
      // A row-value comparison is one range bound on the index on both databases.
      query.andWhere(`(${column}, video.id) ${read.order === 'asc' ? '>' : '<'} (:afterKey, :afterId)`, {
        afterKey: this.keyParameter(read.sort, read.after.key),
        afterId: read.after.id,
      });
    }
    const rows = await query
      .orderBy(column, direction)
      .addOrderBy('video.id', direction)
      .offset(read.offset)
      .limit(read.limit)
      .getMany();
    const videos = await this.withTags(this.videos.manager, rows);
    return videos.map((video, index) => ({ video, position: { key: sortKey(rows[index], read.sort), id: video.id } }));
  }

  /** The number of matching videos, but counting stops at `limit` so a broad filter costs no more than that. */
  async countMatching(ownerId: number, filters: VideoFilters, limit: number): Promise<number> {
    const matches = this.filtered(ownerId, filters).select('1').limit(limit);
    const row = await this.videos.manager
      .createQueryBuilder()
      .select('COUNT(*)', 'count')
      .from(`(${matches.getQuery()})`, 'matches')
      .setParameters(matches.getParameters())
      .getRawOne<{ count: number | string }>();
    return Number(row?.count ?? 0);
  }

  /**
   * The position of every `spacing`-th video of the owner's whole list in ascending `sort` order: the
   * videos numbered spacing, 2 * spacing, ... counting from 1. One pass over the covering index.
   */
  async positionsEvery(
    manager: EntityManager,
    ownerId: number,
    sort: VideoSortField,
    spacing: number,
  ): Promise<SortPosition[]> {
    const column = SORT_COLUMNS[sort];
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      'SELECT ranked.sort_key AS sort_key, ranked.id AS id, ranked.n AS n FROM (' +
        `SELECT ${column} AS sort_key, id, ROW_NUMBER() OVER (ORDER BY ${column}, id) AS n ` +
        'FROM videos WHERE owner_id = :ownerId' +
        ') ranked WHERE ranked.n % :spacing = 0',
      { ownerId, spacing },
    );
    const rows: Array<{ sort_key: unknown; id: number | string; n: number | string }> = await manager.query(
      sql,
      parameters,
    );
    // Ordered here: an ORDER BY on the outer query would make SQLite sort them in a temporary B-tree.
    return rows
      .sort((a, b) => Number(a.n) - Number(b.n))
      .map((row) => ({ key: this.hydrateKey(sort, row.sort_key), id: Number(row.id) }));
  }

  async findOwned(
    ownerId: number,
    id: number,
    manager: EntityManager = this.videos.manager,
  ): Promise<VideoRecord | null> {
    const video = await manager.findOneBy(Video, { id, ownerId });
    return video ? (await this.withTags(manager, [video]))[0] : null;
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

  private filtered(ownerId: number, filters: VideoFilters): SelectQueryBuilder<Video> {
    const query = this.videos.createQueryBuilder('video').where('video.owner_id = :ownerId', { ownerId });
    if (filters.text) {
      const pattern = `%${escapeLike(filters.text.toLowerCase())}%`;
      query.andWhere(
        new Brackets((text) =>
          text
            .where("video.title_lower LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(video.description) LIKE :pattern ESCAPE '\\'", { pattern }),
        ),
      );
    }
    if (filters.minDuration !== undefined) {
      query.andWhere('video.duration >= :minDuration', { minDuration: filters.minDuration });
    }
    if (filters.maxDuration !== undefined) {
      query.andWhere('video.duration <= :maxDuration', { maxDuration: filters.maxDuration });
    }
    if (filters.createdAfter) {
      query.andWhere('video.created_at >= :createdAfter', { createdAfter: this.toDbDate(filters.createdAfter) });
    }
    if (filters.createdBefore) {
      query.andWhere('video.created_at <= :createdBefore', { createdBefore: this.toDbDate(filters.createdBefore) });
    }
    if (filters.tag !== undefined) {
      query.andWhere(
        (sub) =>
          'EXISTS ' +
          sub
            .subQuery()
            .select('1')
            .from(VideoTag, 'vt')
            .where('vt.video_id = video.id')
            .andWhere('vt.tag = :tag')
            .getQuery(),
        { tag: filters.tag },
      );
    }
    return query;
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

  /** Query-builder parameters and raw rows bypass column conversion; convert dates the way the driver stores them. */
  private toDbDate(date: Date): unknown {
    const column = this.videos.metadata.findColumnWithPropertyName('createdAt');
    return column ? this.videos.manager.connection.driver.preparePersistentValue(date, column) : date;
  }

  private fromDbDate(raw: unknown): Date {
    const column = this.videos.metadata.findColumnWithPropertyName('createdAt');
    const value: unknown = column ? this.videos.manager.connection.driver.prepareHydratedValue(raw, column) : raw;
    return value instanceof Date ? value : new Date(String(value));
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

  private async withTags(manager: EntityManager, videos: Video[]): Promise<VideoRecord[]> {
    if (videos.length === 0) {
      return [];
    }
    const rows = await manager.find(VideoTag, {
      where: { videoId: In(videos.map((video) => video.id)) },
      order: { videoId: 'ASC', position: 'ASC' },
    });
    const tagsByVideo = new Map<number, string[]>();
    for (const row of rows) {
      const tags = tagsByVideo.get(row.videoId) ?? [];
      tags.push(row.tag);
      tagsByVideo.set(row.videoId, tags);
    }
    return videos.map((video) => ({ ...toRecordFields(video), tags: tagsByVideo.get(video.id) ?? [] }));
  }
}

function toRecordFields(video: Video): Omit<VideoRecord, 'tags'> {
  const { tagRows: _tagRows, titleLower: _titleLower, ...fields } = video;
  return fields;
}

function sortKey(video: Video, sort: VideoSortField): string | number {
  switch (sort) {
    case 'created_at':
      return video.createdAt.toISOString();
    case 'title':
      return video.titleLower;
    case 'duration':
      return video.duration;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
