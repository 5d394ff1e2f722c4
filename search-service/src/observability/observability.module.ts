import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { GaugeSources } from './gauge-sources';
import { GrpcCallInterceptor } from './grpc-call.interceptor';
import { searchLoggerParams } from './logger.options';
import { MetricsServer } from './metrics-server';
import { ObservabilityConfig, observabilityConfig } from './observability.config';
import { SearchMetrics } from './search-metrics';

const observabilityConfigFeature = ConfigModule.forFeature(observabilityConfig);

/** JSON logs bound to the caller's request id, and Prometheus metrics on their own HTTP port. */
@Global()
@Module({
  imports: [
    observabilityConfigFeature,
    LoggerModule.forRootAsync({
      imports: [observabilityConfigFeature],
      inject: [observabilityConfig.KEY],
      useFactory: (config: ObservabilityConfig) => searchLoggerParams(config.logLevel),
    }),
  ],
  providers: [
    { provide: SearchMetrics, useFactory: () => new SearchMetrics() },
    GaugeSources,
    MetricsServer,
    { provide: APP_INTERCEPTOR, useClass: GrpcCallInterceptor },
  ],
  exports: [SearchMetrics],
})
export class ObservabilityModule {}
