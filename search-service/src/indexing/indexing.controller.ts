import { Controller } from '@nestjs/common';
import {
  DeleteVideosRequest,
  IndexAck,
  IndexServiceController,
  IndexServiceControllerMethods,
  IndexStats,
  IndexStatsRequest,
  ReindexOwnerRequest,
  SuggestReply,
  SuggestRequest,
  UpsertVideosRequest,
} from '@proto/gen/ts/videosearch/search/v1/index';
import { SuggestService } from '@search/suggest/suggest.service';
import { toDeleteChanges, toUpsertChanges } from './index-request.mapper';
import { IndexingService } from './indexing.service';

@Controller()
@IndexServiceControllerMethods()
export class IndexingController implements IndexServiceController {
  constructor(
    private readonly indexing: IndexingService,
    private readonly suggestions: SuggestService,
  ) {}

  upsertVideos(request: UpsertVideosRequest): Promise<IndexAck> {
    return this.indexing.apply(toUpsertChanges(request.videos));
  }

  deleteVideos(request: DeleteVideosRequest): Promise<IndexAck> {
    return this.indexing.apply(toDeleteChanges(request.videos));
  }

  reindexOwner(request: ReindexOwnerRequest): Promise<IndexAck> {
    return this.indexing.reindex({
      ownerId: request.ownerId,
      reindexId: request.reindexId,
      changes: toUpsertChanges(request.videos),
      lastBatch: request.lastBatch,
    });
  }

  getIndexStats(request: IndexStatsRequest): Promise<IndexStats> {
    return this.indexing.stats(request.ownerId);
  }

  suggest(request: SuggestRequest): Promise<SuggestReply> {
    return this.suggestions.suggest(request);
  }
}
