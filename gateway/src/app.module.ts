import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [AppConfigModule, DatabaseModule, AuthModule, HealthModule, WebModule.register()],
})
export class AppModule {}
