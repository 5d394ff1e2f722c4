import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { VideoListDto } from './dto/video.dto';
import { VideosConfig, videosConfig } from './videos.config';

interface KeptPage {
  contentRevision: number;
  page: VideoListDto;
}

/** Roughly what a kept page holds in memory: two bytes per character of its text, and a fixed part per object. */
function estimatedBytes({ page }: KeptPage): number {
  let bytes = 512;
  for (const video of page.videos) {
    bytes += 256 + 2 * (video.title.length + video.description.length);
    for (const tag of video.tags) {
      bytes += 32 + 2 * tag.length;
    }
  }
  return bytes;
}

/**
 * List pages as answered, each with the owner's content revision it was read at. The revision moves in the
 * transaction of every write to the owner's videos, on every gateway, so a page is served again only while the
 * revision a request reads first is the one it was kept at: nothing stale is ever served, whichever gateway wrote.
 * Pages are shared between the requests that get them, and never changed after they are kept.
 */
@Injectable()
export class VideoPageCache {
  private readonly pages: LRUCache<string, KeptPage> | null;

  constructor(@Inject(videosConfig.KEY) config: VideosConfig) {
    this.pages =
      config.listCacheBytes > 0
        ? new LRUCache<string, KeptPage>({ maxSize: config.listCacheBytes, sizeCalculation: estimatedBytes })
        : null;
  }

  get(ownerId: number, query: string, contentRevision: number): VideoListDto | undefined {
    const kept = this.pages?.get(`${ownerId} ${query}`);
    return kept?.contentRevision === contentRevision ? kept.page : undefined;
  }

  /** A page read at an older revision than the one kept (a slower request) does not replace it. */
  keep(ownerId: number, query: string, contentRevision: number, page: VideoListDto): void {
    const key = `${ownerId} ${query}`;
    const kept = this.pages?.peek(key);
    if (!kept || kept.contentRevision < contentRevision) {
      this.pages?.set(key, { contentRevision, page });
    }
  }
}
