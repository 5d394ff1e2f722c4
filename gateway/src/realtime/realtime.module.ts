import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AlertsModule } from '../alerts/alerts.module';
import { AnalyticsModule } from '../analytics/analytics.module';
import { AuthModule } from '../auth/auth.module';
import { RedisModule } from '../quotas/redis/redis.module';
import { SearchClientModule } from '../search/search-client.module';
import { AlertEventsRelay } from './alert-events.relay';
import { AnalyticsUpdatesPublisher } from './analytics-updates.publisher';
import { JobUpdatesRelay } from './job-updates.relay';
import { realtimeConfig } from './realtime.config';
import { RealtimeGateway } from './realtime.gateway';
import { RequestTailPublisher } from './request-tail.publisher';
import { socketRedisClientsProvider } from './socket-redis.provider';

@Module({
  imports: [
    ConfigModule.forFeature(realtimeConfig),
    AuthModule,
    RedisModule,
    SearchClientModule,
    AnalyticsModule,
    AlertsModule,
  ],
  providers: [
    socketRedisClientsProvider,
    RealtimeGateway,
    JobUpdatesRelay,
    AnalyticsUpdatesPublisher,
    RequestTailPublisher,
    AlertEventsRelay,
  ],
})
export class RealtimeModule {}
