import { VideoTag } from '@gateway/videos/video-tag.entity';
import { Video } from '@gateway/videos/video.entity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { VideoDocument } from '@proto/gen/ts/videosearch/search/v1/index';
import { In, MoreThan, Repository } from 'typeorm';

/**
 * Reads one owner's library as index documents, page by page in id order. Keyset paging (id > last)
 * rather than offsets: a video deleted mid-reindex must not shift the pages and hide a live one.
 */
@Injectable()
export class OwnerVideosReader {
  constructor(
    @InjectRepository(Video) private readonly videos: Repository<Video>,
    @InjectRepository(VideoTag) private readonly tags: Repository<VideoTag>,
  ) {}

  async *pages(ownerId: number, pageSize: number): AsyncGenerator<VideoDocument[]> {
    let afterId = 0;
    for (;;) {
      const rows = await this.videos.find({
        where: { ownerId, id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: pageSize,
      });
      if (rows.length === 0) {
        return;
      }
      yield await this.toDocuments(rows);
      afterId = rows[rows.length - 1].id;
      if (rows.length < pageSize) {
        return;
      }
    }
  }

  private async toDocuments(rows: Video[]): Promise<VideoDocument[]> {
    const tagRows = await this.tags.find({
      where: { videoId: In(rows.map((row) => row.id)) },
      order: { videoId: 'ASC', position: 'ASC' },
    });
    const tagsByVideo = new Map<number, string[]>();
    for (const tag of tagRows) {
      tagsByVideo.set(tag.videoId, [...(tagsByVideo.get(tag.videoId) ?? []), tag.tag]);
    }
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
    }));
  }
}
