import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { OutboxModule } from './outbox/outbox.module';
import { VideosModule } from './videos/videos.module';
import { WebModule } from './web/web.module';

/** Feature modules only; each brings its own config, entities and providers. */
@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    HealthModule,
    AuthModule,
    VideosModule,
    OutboxModule,
    WebModule.register(),
  ],
})
export class AppModule {}
