import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxEvent, VideoDocumentPayload } from '../outbox/outbox-event.entity';
import { CreateVideoDto } from '../videos/dto/video.dto';
import { VideoTag } from '../videos/video-tag.entity';
import { Video } from '../videos/video.entity';

const ROWS_PER_STATEMENT = 500;

/**
 * Inserts a batch of imported videos with multi-row INSERTs (videos, their tags, their outbox upserts) inside
 * the caller's transaction: the same rows and events as one single create each, at a fraction of the statements.
 * Returns the outbox ids written.
 */
@Injectable()
export class ImportBatchWriter {
  async insert(
    manager: EntityManager,
    ownerId: number,
    rows: CreateVideoDto[],
  ): Promise<{ first: number; last: number }> {
    const now = new Date();
    const videoIds: number[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const result = await manager.insert(
        Video,
        chunk.map((dto) => ({
          ownerId,
          title: dto.title,
          titleLower: dto.title.toLowerCase(),
          description: dto.description ?? '',
          duration: dto.duration ?? 0,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })),
      );
      videoIds.push(...result.identifiers.map((identifier) => Number(identifier.id)));
    }
    if (videoIds.length !== rows.length) {
      throw new Error(`inserted ${videoIds.length} videos for ${rows.length} rows`);
    }
    const tags = rows.flatMap((dto, index) =>
      [...new Set(dto.tags ?? [])].map((tag, position) => ({ videoId: videoIds[index], tag, position })),
    );
    for (let start = 0; start < tags.length; start += ROWS_PER_STATEMENT) {
      await manager.insert(VideoTag, tags.slice(start, start + ROWS_PER_STATEMENT));
    }
    const outboxIds: number[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const result = await manager.insert(
        OutboxEvent,
        chunk.map((dto, offset) => {
          const payload: VideoDocumentPayload = {
            title: dto.title,
            description: dto.description ?? '',
            tags: [...new Set(dto.tags ?? [])],
            duration: dto.duration ?? 0,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          };
          return {
            type: 'upsert' as const,
            ownerId,
            videoId: videoIds[start + offset],
            version: 1,
            payload: JSON.stringify(payload),
            createdAt: now,
            deliveredAt: null,
            attempts: 0,
            nextAttemptAt: now,
            lastError: null,
          };
        }),
      );
      outboxIds.push(...result.identifiers.map((identifier) => Number(identifier.id)));
    }
    return { first: Math.min(...outboxIds), last: Math.max(...outboxIds) };
  }
}
