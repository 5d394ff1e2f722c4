import {
  status as GrpcStatus,
  ServerInterceptingCall,
  ServerListenerBuilder,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import { requestIdFrom } from './request-id';
import { SearchMetrics } from './search-metrics';

/** `SearchService/Search` from `/videosearch.search.v1.SearchService/Search`, as the gateway's client metrics label it. */
export function methodNameOf(path: string): string {
  const [, service = '', rpc = ''] = path.split('/');
  return `${service.slice(service.lastIndexOf('.') + 1)}/${rpc}`;
}

/**
 * Observes every gRPC call at the grpc-js server, beneath Nest: runs the handler with a logger bound to the
 * caller's `x-request-id` (so the gateway's request and this service's log lines share one id), and logs one line
 * and records the outcome when the call sends its status, whether the handler or the token guard ended it. A
 * grpc-js interceptor rather than a Nest one: with no Nest interceptor, Nest calls a handler without an RxJS chain
 * around it, which was a third of the cost of a trivial call (bench/load/RESULTS.md).
 */
@Injectable()
export class GrpcCallObserver {
  /** Methods by path: a server has a few, and each call would otherwise split its path again. */
  private readonly methods = new Map<string, string>();
  private readonly root: Logger;

  constructor(
    private readonly metrics: SearchMetrics,
    // Outside a call's store, its `logger` is nestjs-pino's root logger (a microservice never sets `PinoLogger.root`).
    pino: PinoLogger,
  ) {
    this.root = pino.logger;
  }

  readonly interceptor: ServerInterceptor = (descriptor, call) => {
    const started = process.hrtime.bigint();
    const method = this.methodOf(descriptor.path);
    let logger: Logger | undefined;
    let store: Store | undefined;
    // Handlers start from these listeners (unary and server streams at half-close, client and bidi streams at
    // metadata), so running them in the store puts every line a handler logs under the caller's request id.
    const inStore = (next: () => void): void => (store ? storage.run(store, next) : next());
    return new ServerInterceptingCall(call, {
      start: (next) => {
        next(
          new ServerListenerBuilder()
            .withOnReceiveMetadata((metadata, pass) => {
              const requestId = requestIdFrom(metadata);
              logger = this.root.child(requestId ? { reqId: requestId, method } : { method });
              store = new Store(logger);
              inStore(() => pass(metadata));
            })
            .withOnReceiveMessage((message, pass) => inStore(() => pass(message)))
            .withOnReceiveHalfClose((pass) => inStore(pass))
            .build(),
        );
      },
      sendStatus: (status, next) => {
        this.finish(logger ?? this.root.child({ method }), method, status.code, started);
        next(status);
      },
    });
  };

  private methodOf(path: string): string {
    let method = this.methods.get(path);
    if (method === undefined) {
      method = methodNameOf(path);
      this.methods.set(path, method);
    }
    return method;
  }

  private finish(logger: Logger, method: string, code: GrpcStatus, started: bigint): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const codeName = GrpcStatus[code];
    this.metrics.observeCall(method, codeName, seconds);
    const line = { code: codeName, durationMs: Math.round(seconds * 1e6) / 1e3 };
    if (code === GrpcStatus.INTERNAL || code === GrpcStatus.UNKNOWN) {
      logger.error(line, 'gRPC call failed');
    } else {
      logger.info(line, 'gRPC call handled');
    }
  }
}
