import { Injectable, NotFoundException } from '@nestjs/common';
import { VideoCaptionsRepository } from '../captions/video-captions.repository';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxWriter } from '../outbox/outbox.writer';
import { CreateVideoDto, UpdateVideoDto, VideoDto } from './dto/video.dto';
import { VideoCountsRepository } from './video-counts.repository';
import { toVideoDto } from './video-dto.mapper';
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
    private readonly captions: VideoCaptionsRepository,
  ) {}

  async get(ownerId: number, videoId: number): Promise<VideoDto> {
    const video = await this.videos.findOwned(ownerId, videoId);
    if (!video) {
      throw new NotFoundException('Video not found');
    }
    return toVideoDto(video);
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
      await this.counts.recordChange(manager, ownerId, { added: 1, reorders: true });
      await this.outbox.videoUpserted(manager, created);
      return created;
    });
    return toVideoDto(video);
  }

  async update(ownerId: number, videoId: number, dto: UpdateVideoDto): Promise<VideoDto> {
    const video = await this.transactions.run(async (manager) => {
      const current = await this.videos.findOwnedForUpdate(manager, ownerId, videoId);
      if (!current) {
        throw new NotFoundException('Video not found');
      }
      const changes = changesBetween(current, dto);
      if (Object.keys(changes).length === 0) {
        return current;
      }
      const updated = await this.videos.update(manager, current, changes);
      await this.counts.recordChange(manager, ownerId, {
        added: 0,
        reorders: changes.title !== undefined || changes.duration !== undefined,
      });
      // The document replaces the indexed one whole: without its captions the index would lose them.
      const captions = await this.captions.findOwned(ownerId, videoId, manager);
      await this.outbox.videoUpserted(manager, updated, captions);
      return updated;
    });
    return toVideoDto(video);
  }

  async delete(ownerId: number, videoId: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      const current = await this.videos.findOwned(ownerId, videoId, manager);
      if (!current) {
        throw new NotFoundException('Video not found');
      }
      await this.videos.delete(manager, current);
      await this.counts.recordChange(manager, ownerId, { added: -1, reorders: true });
      await this.outbox.videoDeleted(manager, current, current.version + 1);
    });
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
