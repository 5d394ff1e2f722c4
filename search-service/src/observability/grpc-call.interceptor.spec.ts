import { status as GrpcStatus, Metadata } from '@grpc/grpc-js';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { lastValueFrom, Observable, of, throwError } from 'rxjs';
import { SearchException, SearchExceptionCode } from '../common/search.exception';
import { GrpcCallInterceptor, grpcCodeOf } from './grpc-call.interceptor';
import { SearchMetrics } from './search-metrics';

class Handlers {
  getJob(): void {}
}
Reflect.defineMetadata(
  'microservices:pattern',
  [{ service: 'SearchService', rpc: 'getJob' }],
  Handlers.prototype.getJob,
);

function rpcContext(metadata: Metadata): ExecutionContext {
  return {
    getType: () => 'rpc',
    getHandler: () => Handlers.prototype.getJob,
    switchToRpc: () => ({ getContext: () => metadata }),
  } as unknown as ExecutionContext;
}

describe(GrpcCallInterceptor.name, () => {
  let metrics: SearchMetrics;
  let lines: Array<{ bindings: Record<string, unknown>; line: Record<string, unknown> }>;
  let sut: GrpcCallInterceptor;

  beforeEach(() => {
    metrics = new SearchMetrics();
    lines = [];
    const child = (bindings: Record<string, unknown>) => ({
      info: (line: Record<string, unknown>) => lines.push({ bindings, line }),
      error: (line: Record<string, unknown>) => lines.push({ bindings, line }),
    });
    sut = new GrpcCallInterceptor(metrics, { logger: { child } } as unknown as PinoLogger);
  });

  it("runs the handler with a logger bound to the caller's request id and logs the call once", async () => {
    const metadata = new Metadata();
    metadata.set('x-request-id', 'req-9');
    let boundInHandler: unknown;
    const handler: CallHandler = {
      handle: () =>
        new Observable((subscriber) => {
          boundInHandler = storage.getStore()?.logger;
          subscriber.next('reply');
          subscriber.complete();
        }),
    };
    await expect(lastValueFrom(sut.intercept(rpcContext(metadata), handler))).resolves.toBe('reply');
    expect(boundInHandler).toBeDefined();
    expect(lines).toHaveLength(1);
    expect(lines[0].bindings).toEqual({ reqId: 'req-9', method: 'SearchService/GetJob' });
    expect(lines[0].line).toMatchObject({ code: 'OK' });
    expect(await metrics.registry.metrics()).toContain(
      'grpc_server_handled_total{method="SearchService/GetJob",code="OK"} 1',
    );
  });

  it('ignores an unsafe request id', async () => {
    const metadata = new Metadata();
    metadata.set('x-request-id', 'bad id {"x": 1}');
    await lastValueFrom(sut.intercept(rpcContext(metadata), { handle: () => of(1) }));
    expect(lines[0].bindings).toEqual({ method: 'SearchService/GetJob' });
  });

  it('counts a failed call under the code the exception filter sends', async () => {
    const handler: CallHandler = {
      handle: () => throwError(() => new SearchException(SearchExceptionCode.NotFound, 'Search job not found')),
    };
    await expect(lastValueFrom(sut.intercept(rpcContext(new Metadata()), handler))).rejects.toBeInstanceOf(
      SearchException,
    );
    expect(await metrics.registry.metrics()).toContain(
      'grpc_server_handled_total{method="SearchService/GetJob",code="NOT_FOUND"} 1',
    );
  });
});

describe('grpcCodeOf', () => {
  it('maps errors as the exception filter does', () => {
    expect(grpcCodeOf(new SearchException(SearchExceptionCode.InvalidArgument, 'x'))).toBe(GrpcStatus.INVALID_ARGUMENT);
    expect(grpcCodeOf(new RpcException({ code: GrpcStatus.UNAUTHENTICATED, message: 'no' }))).toBe(
      GrpcStatus.UNAUTHENTICATED,
    );
    expect(grpcCodeOf(new Error('boom'))).toBe(GrpcStatus.INTERNAL);
  });
});
