import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { validateEnv } from './validate-env';

class GrpcEnv {
  @IsString()
  @MinLength(1)
  GRPC_HOST: string = '127.0.0.1';

  @IsInt()
  @Min(0)
  @Max(65535)
  GRPC_PORT: number = 50051;

  @IsOptional()
  @IsString()
  GRPC_TLS_CERT?: string;

  @IsOptional()
  @IsString()
  GRPC_TLS_KEY?: string;

  @IsOptional()
  @IsString()
  GRPC_TLS_CA?: string;
}

export interface GrpcTlsFiles {
  certPath: string;
  keyPath: string;
  caPath?: string;
}

export const grpcConfig = registerAs('grpc', () => {
  const env = validateEnv(GrpcEnv, {
    GRPC_HOST: process.env.GRPC_HOST,
    GRPC_PORT: process.env.GRPC_PORT,
    GRPC_TLS_CERT: process.env.GRPC_TLS_CERT,
    GRPC_TLS_KEY: process.env.GRPC_TLS_KEY,
    GRPC_TLS_CA: process.env.GRPC_TLS_CA,
  });
  if (Boolean(env.GRPC_TLS_CERT) !== Boolean(env.GRPC_TLS_KEY)) {
    throw new Error('Invalid configuration: GRPC_TLS_CERT and GRPC_TLS_KEY must be set together');
  }
  if (env.GRPC_TLS_CA && !env.GRPC_TLS_CERT) {
    throw new Error('Invalid configuration: GRPC_TLS_CA needs GRPC_TLS_CERT and GRPC_TLS_KEY');
  }
  const tls: GrpcTlsFiles | undefined =
    env.GRPC_TLS_CERT && env.GRPC_TLS_KEY
      ? { certPath: env.GRPC_TLS_CERT, keyPath: env.GRPC_TLS_KEY, caPath: env.GRPC_TLS_CA }
      : undefined;
  return { host: env.GRPC_HOST, port: env.GRPC_PORT, tls };
});

export type GrpcConfig = ReturnType<typeof grpcConfig>;
