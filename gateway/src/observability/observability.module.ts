import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { NextFunction, Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { gatewayLoggerParams } from './logging/logger.options';
import { assignRequestId, runWithRequestId } from './logging/request-id';
import { GatewayMetrics } from './metrics/gateway-metrics';
import { GaugeSources } from './metrics/gauge-sources';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { ObservabilityConfig, observabilityConfig } from './observability.config';

const observabilityConfigFeature = ConfigModule.forFeature(observabilityConfig);

function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  runWithRequestId(assignRequestId(request, response), next);
}

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
  providers: [{ provide: GatewayMetrics, useFactory: () => new GatewayMetrics() }, GaugeSources],
  exports: [GatewayMetrics],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(requestContextMiddleware, HttpMetricsMiddleware)
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
