import { status as GrpcStatus, type Metadata } from '@grpc/grpc-js';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import { Observable } from 'rxjs';
import { grpcStatusFor } from '../common/grpc-exception.filter';
import { SearchException } from '../common/search.exception';
import { requestIdFrom } from './request-id';
import { SearchMetrics } from './search-metrics';

/** Nest's key for the `{ service, rpc }` pattern of a `@GrpcMethod` handler. */
const PATTERN_METADATA = 'microservices:pattern';

interface GrpcPattern {
  service?: string;
  rpc?: string;
}

/** The status the exception filter will turn this error into. */
export function grpcCodeOf(error: unknown): GrpcStatus {
  if (error instanceof SearchException) {
    return grpcStatusFor(error.code);
  }
  if (error instanceof RpcException) {
    const inner = error.getError();
    if (typeof inner === 'object' && inner !== null && typeof (inner as { code?: unknown }).code === 'number') {
      return (inner as { code: GrpcStatus }).code;
    }
  }
  return GrpcStatus.INTERNAL;
}

/** Method names by handler: read from the handler's metadata once, not on every call. */
const methodNames = new WeakMap<object, string>();

function methodName(context: ExecutionContext): string {
  const handler = context.getHandler();
  let name = methodNames.get(handler);
  if (name === undefined) {
    name = methodNameOf(handler);
    methodNames.set(handler, name);
  }
  return name;
}

function methodNameOf(handler: ReturnType<ExecutionContext['getHandler']>): string {
  const patterns = Reflect.getMetadata(PATTERN_METADATA, handler) as GrpcPattern[] | undefined;
  const pattern = patterns?.[0];
  const rpc = pattern?.rpc ?? handler.name;
  // As the proto spells it (and the gateway's client metrics label it): `SearchService/SubmitSearch`.
  const name = rpc.charAt(0).toUpperCase() + rpc.slice(1);
  return pattern?.service ? `${pattern.service}/${name}` : name;
}

/**
 * Runs every gRPC handler with a logger bound to the caller's `x-request-id` (so the gateway's
 * request and this service's log lines share one id), logs one line per finished call and records
 * the call's outcome. Streams count when they end. Calls refused by the token guard never get here.
 */
@Injectable()
export class GrpcCallInterceptor implements NestInterceptor {
  constructor(
    private readonly metrics: SearchMetrics,
    // Outside a call's store, its `logger` is nestjs-pino's root logger.
    private readonly pino: PinoLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') {
      return next.handle();
    }
    const method = methodName(context);
    const requestId = requestIdFrom(context.switchToRpc().getContext<Metadata>());
    const logger = this.pino.logger.child(requestId ? { reqId: requestId, method } : { method });
    const started = process.hrtime.bigint();
    const finish = (code: GrpcStatus) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const codeName = GrpcStatus[code];
      this.metrics.observeCall(method, codeName, seconds);
      const line = { code: codeName, durationMs: Math.round(seconds * 1e6) / 1e3 };
      if (code === GrpcStatus.INTERNAL) {
        logger.error(line, 'gRPC call failed');
      } else {
        logger.info(line, 'gRPC call handled');
      }
    };
    return new Observable((subscriber) =>
      storage.run(new Store(logger), () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            finish(grpcCodeOf(error));
            subscriber.error(error);
          },
          complete: () => {
            finish(GrpcStatus.OK);
            subscriber.complete();
          },
        }),
      ),
    );
  }
}
