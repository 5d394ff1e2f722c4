import { ServerCredentials, type Server, type ServerInterceptor } from '@grpc/grpc-js';
import { GrpcOptions, Transport } from '@nestjs/microservices';
import {
  DESCRIPTOR_SET_PATH,
  HEALTH_PROTO_FILE,
  PROTO_LOADER_OPTIONS,
  PROTO_ROOT,
  SEARCH_PROTO_FILES,
} from '@proto/proto-files';
import type { GrpcConfig } from '@search/config/grpc.config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createReflectionService } from './reflection';

const PACKAGES = ['videosearch.search.v1', 'grpc.health.v1'];

function credentialsFor(config: GrpcConfig): ServerCredentials {
  if (!config.tls) {
    return ServerCredentials.createInsecure();
  }
  const { certPath, keyPath, caPath } = config.tls;
  const rootCerts = caPath ? readFileSync(caPath) : null;
  // With a CA the server also verifies client certificates (mutual TLS); without one it only encrypts.
  return ServerCredentials.createSsl(
    rootCerts,
    [{ cert_chain: readFileSync(certPath), private_key: readFileSync(keyPath) }],
    rootCerts !== null,
  );
}

/** `interceptors` run around every call at the grpc-js server, before Nest sees it. */
export function grpcServerOptions(config: GrpcConfig, interceptors: ServerInterceptor[] = []): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url: `${config.host}:${config.port}`,
      package: PACKAGES,
      protoPath: [...SEARCH_PROTO_FILES, HEALTH_PROTO_FILE].map((file) => join(PROTO_ROOT, file)),
      loader: PROTO_LOADER_OPTIONS,
      credentials: credentialsFor(config),
      // Nest hands its channel options to grpc-js's Server constructor, whose options take the interceptors.
      channelOptions: { interceptors },
      gracefulShutdown: true,
      onLoadPackageDefinition: (_pkg: unknown, server: Pick<Server, 'addService'>) =>
        createReflectionService(DESCRIPTOR_SET_PATH).addToServer(server),
    },
  };
}
