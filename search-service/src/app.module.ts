import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { GrpcExceptionFilter } from './common/grpc-exception.filter';
import { grpcConfig } from './config/grpc.config';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { IndexingModule } from './indexing/indexing.module';
import { JobsModule } from './jobs/jobs.module';
import { ObservabilityModule } from './observability/observability.module';
import { SearchEngineModule } from './search-engine/search-engine.module';
import { SearchSettingsModule } from './settings/search-settings.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, load: [grpcConfig] }),
    ObservabilityModule,
    DatabaseModule,
    SearchEngineModule,
    AuthModule,
    HealthModule,
    IndexingModule,
    JobsModule,
    SearchSettingsModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: GrpcExceptionFilter }],
})
export class AppModule {}
