import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AsyncMicroserviceOptions } from '@nestjs/microservices';
import { AppModule } from './app.module';
import { grpcConfig, type GrpcConfig } from './config/grpc.config';
import { grpcServerOptions } from './grpc/grpc-server.options';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(AppModule, {
    inject: [grpcConfig.KEY],
    useFactory: (config: GrpcConfig) => grpcServerOptions(config),
  });
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  await app.listen();
  const config = app.get<GrpcConfig>(grpcConfig.KEY);
  new Logger('Bootstrap').log(`Search service listening on ${config.host}:${config.port}${config.tls ? ' (TLS)' : ''}`);
}

void bootstrap();
