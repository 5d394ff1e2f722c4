import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { OutboxWriter } from '../outbox/outbox.writer';
import { VideosRepository } from '../videos/videos.repository';
import { CaptionFormat, CaptionParseError, Cue, detectCaptionFormat, parseCaptions } from './caption-parser';
import { toCaptionsDto, toCaptionsSummaryDto } from './captions-dto.mapper';
import { CaptionsDto, CaptionsSummaryDto } from './dto/captions.dto';
import { VideoCaptions, VideoCaptionsRepository } from './video-captions.repository';

/** Most cues one video's captions may hold (a feature film has about 1,500). */
export const MAX_CUES = 20_000;

export interface CaptionsUpload {
  content: string;
  /** Detected from the content when absent. */
  format?: CaptionFormat;
  language?: string;
}

/**
 * Captions are part of the video's index document: every change bumps the video's version and writes
 * its upsert in the same transaction, so they reach the index in order, once, and never get lost.
 */
@Injectable()
export class CaptionsService {
  constructor(
    private readonly captions: VideoCaptionsRepository,
    private readonly videos: VideosRepository,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxWriter,
  ) {}

  async replace(ownerId: number, videoId: number, upload: CaptionsUpload): Promise<CaptionsSummaryDto> {
    const format = upload.format ?? detectCaptionFormat(upload.content);
    // Parsed before the transaction: a large file must not hold the database while it is read.
    const cues = parseOrRefuse(upload.content, format);
    const captions = await this.transactions.run(async (manager) => {
      const video = await this.videos.findOwnedForUpdate(manager, ownerId, videoId);
      if (!video) {
        throw new NotFoundException('Video not found');
      }
      const stored: VideoCaptions = {
        videoId,
        ownerId,
        language: upload.language ?? '',
        format,
        cues,
        durationMs: cues.reduce((last, cue) => Math.max(last, cue.endMs), 0),
        updatedAt: new Date(),
      };
      await this.captions.replace(manager, stored);
      const updated = await this.videos.update(manager, video, {});
      await this.outbox.videoUpserted(manager, updated, stored);
      return stored;
    });
    return toCaptionsSummaryDto(captions);
  }

  async get(ownerId: number, videoId: number): Promise<CaptionsDto> {
    const captions = await this.captions.findOwned(ownerId, videoId);
    if (!captions) {
      throw await this.notFound(ownerId, videoId);
    }
    return toCaptionsDto(captions);
  }

  async delete(ownerId: number, videoId: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      const video = await this.videos.findOwnedForUpdate(manager, ownerId, videoId);
      if (!video) {
        throw new NotFoundException('Video not found');
      }
      if (!(await this.captions.findOwned(ownerId, videoId, manager))) {
        throw new NotFoundException('Captions not found');
      }
      await this.captions.delete(manager, ownerId, videoId);
      const updated = await this.videos.update(manager, video, {});
      // The document without captions removes their cues from the index.
      await this.outbox.videoUpserted(manager, updated, null);
    });
  }

  private async notFound(ownerId: number, videoId: number): Promise<NotFoundException> {
    const video = await this.videos.findOwned(ownerId, videoId);
    return new NotFoundException(video ? 'Captions not found' : 'Video not found');
  }
}

function parseOrRefuse(content: string, format: CaptionFormat): Cue[] {
  let cues: Cue[];
  try {
    cues = parseCaptions(content, format);
  } catch (error) {
    if (error instanceof CaptionParseError) {
      throw new BadRequestException({ error: error.message, line: error.line });
    }
    throw error;
  }
  if (cues.length === 0) {
    throw new BadRequestException('The captions hold no cue with text');
  }
  if (cues.length > MAX_CUES) {
    throw new BadRequestException(`Captions hold at most ${MAX_CUES} cues (these hold ${cues.length})`);
  }
  return cues;
}
