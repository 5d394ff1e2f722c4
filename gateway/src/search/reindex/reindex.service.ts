import { Injectable } from '@nestjs/common';
import { VideoDocument } from '@proto/gen/ts/videosearch/search/v1/index';
import { randomUUID } from 'node:crypto';
import { ReindexResultDto } from '../dto/search-response.dto';
import { MAX_INDEX_CALL_BYTES, chunkByBudget, documentBytes } from '../grpc/message-budget';
import { SearchGrpcClient } from '../grpc/search-grpc.client';
import { PinCheckRecorder } from '../pin-check.recorder';
import { OwnerVideosReader } from './owner-videos.reader';

/** Videos read per page; each page goes out in as many ReindexOwner calls as the message budget needs. */
const REINDEX_PAGE_SIZE = 500;

/**
 * Rebuilds one owner's index from the gateway's videos: every batch shares a reindex id and the last
 * one tells the search service to drop whatever the reindex did not send. A failed batch aborts the
 * reindex with the search service's error; running it again is safe (documents carry versions).
 */
@Injectable()
export class ReindexService {
  constructor(
    private readonly reader: OwnerVideosReader,
    private readonly client: SearchGrpcClient,
    private readonly pins: PinCheckRecorder,
  ) {}

  async reindex(ownerId: number): Promise<ReindexResultDto> {
    const result: ReindexResultDto = { reindex_id: randomUUID(), videos: 0, batches: 0, applied: 0, skipped: 0 };
    let held: VideoDocument[] | null = null;
    // One batch is held back so that the last one can be flagged; an empty library still sends one.
    for await (const page of this.reader.pages(ownerId, REINDEX_PAGE_SIZE)) {
      for (const batch of chunkByBudget(page, page.length, MAX_INDEX_CALL_BYTES, documentBytes)) {
        if (held) {
          await this.send(ownerId, held, false, result);
        }
        held = batch;
      }
    }
    await this.send(ownerId, held ?? [], true, result);
    await this.pins.recordAfter(ownerId, 'reindex');
    return result;
  }

  private async send(
    ownerId: number,
    videos: VideoDocument[],
    lastBatch: boolean,
    result: ReindexResultDto,
  ): Promise<void> {
    const ack = await this.client.reindexOwner({ ownerId, reindexId: result.reindex_id, videos, lastBatch });
    result.videos += videos.length;
    result.batches += 1;
    result.applied += ack.applied;
    result.skipped += ack.skipped;
  }
}
