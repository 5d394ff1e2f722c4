import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { CaptionFormat, Cue } from './caption-parser';
import { VideoCaption } from './video-caption.entity';

/** A video's captions as the rest of the gateway sees them. */
export interface VideoCaptions {
  videoId: number;
  ownerId: number;
  /** BCP 47 tag, or '' when unknown. */
  language: string;
  format: CaptionFormat;
  /** In start order. */
  cues: Cue[];
  durationMs: number;
  updatedAt: Date;
}

type StoredCue = [startMs: number, endMs: number, text: string];

@Injectable()
export class VideoCaptionsRepository {
  constructor(@InjectRepository(VideoCaption) private readonly captions: Repository<VideoCaption>) {}

  async findOwned(
    ownerId: number,
    videoId: number,
    manager: EntityManager = this.captions.manager,
  ): Promise<VideoCaptions | null> {
    const row = await manager.findOneBy(VideoCaption, { videoId, ownerId });
    return row ? toCaptions(row) : null;
  }

  /** The captions of each of these videos that has some, by video id. */
  async findForVideos(manager: EntityManager, videoIds: number[]): Promise<Map<number, VideoCaptions>> {
    if (videoIds.length === 0) {
      return new Map();
    }
    const rows = await manager.findBy(VideoCaption, { videoId: In(videoIds) });
    return new Map(rows.map((row) => [row.videoId, toCaptions(row)]));
  }

  /** Stores the captions in place of any the video had. */
  async replace(manager: EntityManager, captions: VideoCaptions): Promise<void> {
    const cues: StoredCue[] = captions.cues.map((cue) => [cue.startMs, cue.endMs, cue.text]);
    await manager.upsert(
      VideoCaption,
      {
        videoId: captions.videoId,
        ownerId: captions.ownerId,
        language: captions.language,
        format: captions.format,
        cueCount: captions.cues.length,
        durationMs: captions.durationMs,
        cues: JSON.stringify(cues),
        updatedAt: captions.updatedAt,
      },
      ['videoId'],
    );
  }

  async delete(manager: EntityManager, ownerId: number, videoId: number): Promise<void> {
    await manager.delete(VideoCaption, { videoId, ownerId });
  }
}

function toCaptions(row: VideoCaption): VideoCaptions {
  const cues = (JSON.parse(row.cues) as StoredCue[]).map(([startMs, endMs, text]) => ({ startMs, endMs, text }));
  return {
    videoId: row.videoId,
    ownerId: row.ownerId,
    language: row.language,
    format: row.format as CaptionFormat,
    cues,
    durationMs: row.durationMs,
    updatedAt: row.updatedAt,
  };
}
