import { NestFactory } from '@nestjs/core';
import { AsyncMicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { grpcConfig, type GrpcConfig } from './config/grpc.config';
import { grpcServerOptions } from './grpc/grpc-server.options';
import { GrpcCallObserver } from './observability/grpc-call-observer';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(AppModule, {
    inject: [grpcConfig.KEY, GrpcCallObserver],
    useFactory: (config: GrpcConfig, calls: GrpcCallObserver) => grpcServerOptions(config, [calls.interceptor]),
    // Startup lines wait for the JSON logger instead of going out in Nest's text format.
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen();
  const config = app.get<GrpcConfig>(grpcConfig.KEY);
  logger.log(`Search service listening on ${config.host}:${config.port}${config.tls ? ' (TLS)' : ''}`);
}

void bootstrap();
