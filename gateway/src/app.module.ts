import { Module } from '@nestjs/common';
import { AlertsModule } from './alerts/alerts.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuthModule } from './auth/auth.module';
import { PermissionsModule } from './auth/permissions/permissions.module';
import { CaptionsModule } from './captions/captions.module';
import { HttpModule } from './common/http/http.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { ObservabilityModule } from './observability/observability.module';
import { OutboxModule } from './outbox/outbox.module';
import { QuotasModule } from './quotas/quotas.module';
import { RealtimeModule } from './realtime/realtime.module';
import { SearchModule } from './search/search.module';
import { VideosModule } from './videos/videos.module';
import { WebModule } from './web/web.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Feature modules only; each brings its own config, entities and providers. */
@Module({
  imports: [
    AppConfigModule,
    HttpModule,
    ObservabilityModule,
    DatabaseModule,
    HealthModule,
    AuthModule,
    VideosModule,
    CaptionsModule,
    OutboxModule,
    SearchModule,
    AnalyticsModule,
    QuotasModule,
    // After QuotasModule: permissions are checked once the request is authenticated and counted.
    PermissionsModule,
    RealtimeModule,
    WebhooksModule,
    ImportsModule,
    AlertsModule,
    WebModule,
  ],
})
export class AppModule {}
