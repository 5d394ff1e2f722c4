import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { GaugeSources } from './gauge-sources';
import { GrpcCallObserver } from './grpc-call-observer';
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
    GrpcCallObserver,
  ],
  exports: [SearchMetrics, GrpcCallObserver],
})
export class ObservabilityModule {}
