import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Cue } from '../captions/caption-parser';
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

/** A video's captions as they travel in its document. */
export interface IndexableCaptions {
  language: string;
  cues: Cue[];
}

/** Records index changes for the relay; always called inside the transaction that changes the video. */
@Injectable()
export class OutboxWriter {
  constructor(private readonly outbox: OutboxRepository) {}

  /**
   * The document replaces the indexed one as a whole, captions included: every upsert of a video that
   * has captions must carry them, or the index drops them.
   */
  videoUpserted(manager: EntityManager, video: IndexableVideo, captions?: IndexableCaptions | null): Promise<void> {
    const payload: VideoDocumentPayload = {
      title: video.title,
      description: video.description,
      tags: video.tags,
      duration: video.duration,
      created_at: video.createdAt.toISOString(),
      updated_at: video.updatedAt.toISOString(),
    };
    if (captions) {
      payload.captions = captions.cues.map((cue) => ({ start_ms: cue.startMs, end_ms: cue.endMs, text: cue.text }));
      payload.captions_language = captions.language;
    }
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
