import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { SortOrder, VideoSortField } from './dto/video.dto';
import { VideoTag } from './video-tag.entity';
import { Video } from './video.entity';

/** A video with its tags, in the order they were given. */
export type VideoRecord = Omit<Video, 'tagRows' | 'titleLower'> & { tags: string[] };

export interface VideoListCriteria {
  ownerId: number;
  offset: number;
  limit: number;
  sort: VideoSortField;
  order: SortOrder;
  text?: string;
  minDuration?: number;
  maxDuration?: number;
  createdAfter?: Date;
  createdBefore?: Date;
  tag?: string;
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
const SORT_EXPRESSIONS: Record<VideoSortField, string> = {
  title: 'video.title_lower',
  created_at: 'video.created_at',
  duration: 'video.duration',
};

@Injectable()
export class VideosRepository {
  constructor(@InjectRepository(Video) private readonly videos: Repository<Video>) {}

  async list(criteria: VideoListCriteria): Promise<{ videos: VideoRecord[]; total: number }> {
    const query = this.filtered(criteria);
    const total = await query.clone().getCount();
    const direction = criteria.order === 'asc' ? 'ASC' : 'DESC';
    const rows = await query
      .orderBy(SORT_EXPRESSIONS[criteria.sort], direction)
      .addOrderBy('video.id', direction)
      .offset(criteria.offset)
      .limit(criteria.limit)
      .getMany();
    return { videos: await this.withTags(this.videos.manager, rows), total };
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

  private filtered(criteria: VideoListCriteria): SelectQueryBuilder<Video> {
    const query = this.videos
      .createQueryBuilder('video')
      .where('video.owner_id = :ownerId', { ownerId: criteria.ownerId });
    if (criteria.text) {
      const pattern = `%${escapeLike(criteria.text.toLowerCase())}%`;
      query.andWhere(
        new Brackets((text) =>
          text
            .where("video.title_lower LIKE :pattern ESCAPE '\\'", { pattern })
            .orWhere("LOWER(video.description) LIKE :pattern ESCAPE '\\'", { pattern }),
        ),
      );
    }
    if (criteria.minDuration !== undefined) {
      query.andWhere('video.duration >= :minDuration', { minDuration: criteria.minDuration });
    }
    if (criteria.maxDuration !== undefined) {
      query.andWhere('video.duration <= :maxDuration', { maxDuration: criteria.maxDuration });
    }
    if (criteria.createdAfter) {
      query.andWhere('video.created_at >= :createdAfter', { createdAfter: this.toDbDate(criteria.createdAfter) });
    }
    if (criteria.createdBefore) {
      query.andWhere('video.created_at <= :createdBefore', { createdBefore: this.toDbDate(criteria.createdBefore) });
    }
    if (criteria.tag !== undefined) {
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
        { tag: criteria.tag },
      );
    }
    return query;
  }

  /** Query-builder parameters bypass column conversion; convert dates the way the driver stores them. */
  private toDbDate(date: Date): unknown {
    const column = this.videos.metadata.findColumnWithPropertyName('createdAt');
    return column ? this.videos.manager.connection.driver.preparePersistentValue(date, column) : date;
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

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
