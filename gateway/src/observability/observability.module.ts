import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { AccessLogHook } from './logging/access-log.hook';
import { gatewayLoggerParams } from './logging/logger.options';
import { RequestContextHook } from './logging/request-context.hook';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { GaugeSources } from './metrics/gauge-sources';
import { HttpMetricsHook } from './metrics/http-metrics.hook';
import { MetricsController } from './metrics/metrics.controller';
import { ObservabilityConfig, observabilityConfig } from './observability.config';

const observabilityConfigFeature = ConfigModule.forFeature(observabilityConfig);

/** JSON logs with a request id, and the Prometheus metrics every other module may record into. */
@Global()
@Module({
  imports: [
    observabilityConfigFeature,
    LoggerModule.forRootAsync({
      imports: [observabilityConfigFeature],
      inject: [observabilityConfig.KEY],
      useFactory: (config: ObservabilityConfig) => gatewayLoggerParams(config.logLevel),
    }),
  ],
  controllers: [MetricsController],
  providers: [
    { provide: GatewayMetrics, useFactory: () => new GatewayMetrics() },
    GaugeSources,
    RequestContextHook,
    AccessLogHook,
    HttpMetricsHook,
  ],
  exports: [GatewayMetrics],
})
export class ObservabilityModule {}
