import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuthModule } from '../auth/auth.module';
import { SearchClientModule } from '../search/search-client.module';
import { analyticsConfig } from './analytics.config';
import { AnalyticsController } from './analytics.controller';
import { ApiKeyUsageController } from './api-key-usage.controller';
import { ExportService } from './export/export.service';
import { NoResultDoctorService } from './no-result-doctor.service';
import { RequestExplorerController } from './request-explorer/request-explorer.controller';
import { RequestExplorerRepository } from './request-explorer/request-explorer.repository';
import { RequestExplorerService } from './request-explorer/request-explorer.service';
import { RequestLogHook } from './request-log/request-log.hook';
import { RequestLogService } from './request-log/request-log.service';
import { RetentionService } from './retention.service';
import { RollupWriter } from './rollups/rollup.writer';
import { SearchAnalyticsService } from './search-analytics.service';
import { UsageRepository } from './usage.repository';
import { UsageService } from './usage.service';

@Module({
  imports: [ConfigModule.forFeature(analyticsConfig), AuthModule, SearchClientModule],
  controllers: [AnalyticsController, ApiKeyUsageController, RequestExplorerController],
  providers: [
    RequestLogService,
    RequestLogHook,
    RollupWriter,
    RetentionService,
    UsageRepository,
    UsageService,
    SearchAnalyticsService,
    ExportService,
    NoResultDoctorService,
    RequestExplorerRepository,
    RequestExplorerService,
  ],
  exports: [RequestLogService, UsageService, UsageRepository],
})
export class AnalyticsModule {}
