import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxWriter } from '../outbox/outbox.writer';
import { CreateVideoDto, ListVideosQueryDto, UpdateVideoDto, VideoDto, VideoListDto } from './dto/video.dto';
import { VideoCountsRepository } from './video-counts.repository';
import { VideoChanges, VideoRecord, VideosRepository } from './videos.repository';

/**
 * Every change commits together with its outbox event, so the search index can never miss
 * an update even if the process dies right after the write. The same transaction records the
 * change in the owner's list state (total and revision), which lists read instead of counting.
 */
@Injectable()
export class VideosService {
  constructor(
    private readonly videos: VideosRepository,
    private readonly counts: VideoCountsRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  async list(ownerId: number, query: ListVideosQueryDto): Promise<VideoListDto> {
    const createdAfter = query.created_after ? new Date(query.created_after) : undefined;
    const createdBefore = query.created_before ? new Date(query.created_before) : undefined;
    if (
      query.min_duration !== undefined &&
      query.max_duration !== undefined &&
      query.min_duration > query.max_duration
    ) {
      throw new BadRequestException('min_duration must not be greater than max_duration');
    }
    if (createdAfter && createdBefore && createdAfter > createdBefore) {
      throw new BadRequestException('created_after must not be later than created_before');
    }
    const { videos, total } = await this.videos.list({
      ownerId,
      offset: (query.page - 1) * query.per_page,
      limit: query.per_page,
      sort: query.sort,
      order: query.order,
      text: query.q?.trim() || undefined,
      minDuration: query.min_duration,
      maxDuration: query.max_duration,
      createdAfter,
      createdBefore,
      tag: query.tag?.trim() || undefined,
    });
    return {
      videos: videos.map((video) => this.map(video)),
      pagination: { page: query.page, per_page: query.per_page, total, pages: Math.ceil(total / query.per_page) },
    };
  }

  async get(ownerId: number, videoId: number): Promise<VideoDto> {
    const video = await this.videos.findOwned(ownerId, videoId);
    if (!video) {
      throw new NotFoundException('Video not found');
    }
    return this.map(video);
  }

  async create(ownerId: number, dto: CreateVideoDto): Promise<VideoDto> {
    const video = await this.transactions.run(async (manager) => {
      const created = await this.videos.create(manager, {
        ownerId,
        title: dto.title,
        description: dto.description ?? '',
        duration: dto.duration ?? 0,
        tags: uniqueTags(dto.tags ?? []),
      });
      await this.counts.recordChange(manager, ownerId, 1);
      await this.outbox.videoUpserted(manager, created);
      return created;
    });
    return this.map(video);
  }

  async update(ownerId: number, videoId: number, dto: UpdateVideoDto): Promise<VideoDto> {
    const video = await this.transactions.run(async (manager) => {
      const current = await this.videos.findOwned(ownerId, videoId, manager);
      if (!current) {
        throw new NotFoundException('Video not found');
      }
      const changes = changesBetween(current, dto);
      if (Object.keys(changes).length === 0) {
        return current;
      }
      const updated = await this.videos.update(manager, current, changes);
      if (changes.title !== undefined || changes.duration !== undefined) {
        await this.counts.recordChange(manager, ownerId, 0);
      }
      await this.outbox.videoUpserted(manager, updated);
      return updated;
    });
    return this.map(video);
  }

  async delete(ownerId: number, videoId: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      const current = await this.videos.findOwned(ownerId, videoId, manager);
      if (!current) {
        throw new NotFoundException('Video not found');
      }
      await this.videos.delete(manager, current);
      await this.counts.recordChange(manager, ownerId, -1);
      await this.outbox.videoDeleted(manager, current, current.version + 1);
    });
  }

  private map(video: VideoRecord): VideoDto {
    return {
      id: video.id,
      title: video.title,
      description: video.description,
      duration: video.duration,
      tags: video.tags,
      created_at: video.createdAt.toISOString(),
      updated_at: video.updatedAt.toISOString(),
    };
  }
}

function uniqueTags(tags: string[]): string[] {
  return [...new Set(tags)];
}

function changesBetween(current: VideoRecord, dto: UpdateVideoDto): VideoChanges {
  const changes: VideoChanges = {};
  if (dto.title !== undefined && dto.title !== current.title) {
    changes.title = dto.title;
  }
  if (dto.description !== undefined && dto.description !== current.description) {
    changes.description = dto.description;
  }
  if (dto.duration !== undefined && dto.duration !== current.duration) {
    changes.duration = dto.duration;
  }
  if (dto.tags !== undefined) {
    const tags = uniqueTags(dto.tags);
    if (tags.length !== current.tags.length || tags.some((tag, index) => tag !== current.tags[index])) {
      changes.tags = tags;
    }
  }
  return changes;
}
