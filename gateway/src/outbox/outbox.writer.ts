import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VideoDocumentPayload } from './outbox-event.entity';
import { OutboxRepository } from './outbox.repository';

export interface IndexableVideo {
  id: number;
  ownerId: number;
  version: number;
  title: string;
  description: string;
  tags: string[];
  duration: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Records index changes for the relay; always called inside the transaction that changes the video. */
@Injectable()
export class OutboxWriter {
  constructor(private readonly outbox: OutboxRepository) {}

  videoUpserted(manager: EntityManager, video: IndexableVideo): Promise<void> {
    const payload: VideoDocumentPayload = {
      title: video.title,
      description: video.description,
      tags: video.tags,
      duration: video.duration,
      created_at: video.createdAt.toISOString(),
      updated_at: video.updatedAt.toISOString(),
    };
    return this.outbox.append(manager, {
      type: 'upsert',
      ownerId: video.ownerId,
      videoId: video.id,
      version: video.version,
      payload,
    });
  }

  videoDeleted(manager: EntityManager, video: Pick<IndexableVideo, 'id' | 'ownerId'>, version: number): Promise<void> {
    return this.outbox.append(manager, {
      type: 'delete',
      ownerId: video.ownerId,
      videoId: video.id,
      version,
      payload: {},
    });
  }
}
