import { CaptionsStorageModule } from '@gateway/captions/captions-storage.module';
import { HealthModule } from '@gateway/health/health.module';
import { OutboxRelayModule } from '@gateway/outbox/outbox-relay.module';
import { SystemModule } from '@gateway/system/system.module';
import { VideosModule } from '@gateway/videos/videos.module';
import { Module } from '@nestjs/common';
import { AlgorithmCatalog } from './algorithm-catalog.service';
import { OwnerVideosReader } from './reindex/owner-videos.reader';
import { ReindexService } from './reindex/reindex.service';
import { SearchClientModule } from './search-client.module';
import { SearchHealthIndicator } from './search-health.indicator';
import { SearchJobsController } from './search-jobs.controller';
import { SearchPinsController } from './search-pins.controller';
import { SearchPinsService } from './search-pins.service';
import { SearchSettingsController } from './search-settings.controller';
import { SearchSettingsService } from './search-settings.service';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/**
 * Search as the gateway offers it: REST over the search service's gRPC API, its health in /health,
 * the system status pages and the outbox relay that keeps the index in step with the videos.
 * Importers (e.g. realtime) get the client and the job event stream.
 */
@Module({
  imports: [SearchClientModule, HealthModule, SystemModule, OutboxRelayModule, CaptionsStorageModule, VideosModule],
  controllers: [SearchSettingsController, SearchPinsController, SearchController, SearchJobsController],
  providers: [
    SearchService,
    SearchSettingsService,
    SearchPinsService,
    AlgorithmCatalog,
    SearchHealthIndicator,
    ReindexService,
    OwnerVideosReader,
  ],
  exports: [SearchClientModule],
})
export class SearchModule {}
