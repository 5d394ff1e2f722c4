import { VideoCaptionsRepository } from '@gateway/captions/video-captions.repository';
import { TransactionRunner } from '@gateway/database/transaction-runner';
import { VideoTag } from '@gateway/videos/video-tag.entity';
import { Video } from '@gateway/videos/video.entity';
import { Injectable } from '@nestjs/common';
import { VideoDocument } from '@proto/gen/ts/videosearch/search/v1/index';
import { EntityManager, In, MoreThan } from 'typeorm';

/**
 * Reads one owner's library as index documents, page by page in id order. Keyset paging (id > last)
 * rather than offsets: a video deleted mid-reindex must not shift the pages and hide a live one. Each
 * page is read in a transaction of its own, so its videos, tags and captions agree with each other (and,
 * on SQLite, no other transaction's uncommitted rows are seen).
 */
@Injectable()
export class OwnerVideosReader {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly captions: VideoCaptionsRepository,
  ) {}

  async *pages(ownerId: number, pageSize: number): AsyncGenerator<VideoDocument[]> {
    let afterId = 0;
    for (;;) {
      const page = await this.transactions.run((manager) => this.readPage(manager, ownerId, afterId, pageSize));
      if (page.length === 0) {
        return;
      }
      yield page;
      afterId = page[page.length - 1].videoId;
      if (page.length < pageSize) {
        return;
      }
    }
  }

  private async readPage(
    manager: EntityManager,
    ownerId: number,
    afterId: number,
    pageSize: number,
  ): Promise<VideoDocument[]> {
    const rows = await manager.find(Video, {
      where: { ownerId, id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: pageSize,
    });
    if (rows.length === 0) {
      return [];
    }
    const tagRows = await manager.find(VideoTag, {
      where: { videoId: In(rows.map((row) => row.id)) },
      order: { videoId: 'ASC', position: 'ASC' },
    });
    const tagsByVideo = new Map<number, string[]>();
    for (const tag of tagRows) {
      tagsByVideo.set(tag.videoId, [...(tagsByVideo.get(tag.videoId) ?? []), tag.tag]);
    }
    const captionsByVideo = await this.captions.findForVideos(
      manager,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      ownerId: row.ownerId,
      videoId: row.id,
      version: row.version,
      title: row.title,
      description: row.description,
      tags: tagsByVideo.get(row.id) ?? [],
      duration: row.duration,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      captions: captionsByVideo.get(row.id)?.cues ?? [],
      captionsLanguage: captionsByVideo.get(row.id)?.language ?? '',
    }));
  }
}
