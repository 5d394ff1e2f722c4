import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { JsonText } from '../common/http/json-text';
import type { VideoListDto } from './dto/video.dto';
import { VideosConfig, videosConfig } from './videos.config';

type KeptText = JsonText<VideoListDto>;

interface KeptPage {
  contentRevision: number;
  page: KeptText;
}

/** What a kept page holds in memory, at most: two bytes per character of its JSON, and the entry itself. */
function estimatedBytes({ page }: KeptPage): number {
  return 128 + 2 * page.text.length;
}

/**
 * List pages as answered (their JSON, sent as it is), each with the owner's content revision it was read at. The
 * revision moves in the transaction of every write to the owner's videos, on every gateway, so a page is served again
 * only while the revision a request reads first is the one it was kept at: nothing stale is ever served, whichever
 * gateway wrote. Pages are shared between the requests that get them, and never changed after they are kept.
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

  get(ownerId: number, query: string, contentRevision: number): KeptText | undefined {
    const kept = this.pages?.get(`${ownerId} ${query}`);
    return kept?.contentRevision === contentRevision ? kept.page : undefined;
  }

  /** A page read at an older revision than the one kept (a slower request) does not replace it. */
  keep(ownerId: number, query: string, contentRevision: number, page: KeptText): void {
    const key = `${ownerId} ${query}`;
    const kept = this.pages?.peek(key);
    if (!kept || kept.contentRevision < contentRevision) {
      this.pages?.set(key, { contentRevision, page });
    }
  }
}
