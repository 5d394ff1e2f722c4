import { status as GrpcStatus, InterceptingCall, type Interceptor } from '@grpc/grpc-js';
import { REQUEST_ID_HEADER, RequestScope } from '../logging/request-id';

export interface GrpcCallObserver {
  observeGrpcCall(method: string, code: string, seconds: number): void;
}

/** `/videosearch.search.v1.SearchService/SubmitSearch` -> `SearchService/SubmitSearch` */
export function shortMethodName(path: string): string {
  const [service = '', method = ''] = path.replace(/^\//, '').split('/');
  return `${service.split('.').pop() ?? service}/${method}`;
}

/**
 * A grpc-js client interceptor on the search channel: it sends the current REST request's id as
 * `x-request-id` metadata (so the search service logs the call under the same id) and records each
 * call's outcome and latency, also in the request's scope (the request log's timing split). It sees
 * every attempt, including retries and deadline cancellations.
 */
export function createGrpcClientInterceptor(
  observer: GrpcCallObserver,
  requestScope: () => RequestScope | undefined,
): Interceptor {
  return (options, nextCall) => {
    const method = shortMethodName(options.method_definition.path);
    const started = process.hrtime.bigint();
    // Read while the caller's context is current: the status arrives from the socket's events, outside it.
    const scope = requestScope();
    return new InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        if (scope !== undefined && metadata.get(REQUEST_ID_HEADER).length === 0) {
          metadata.set(REQUEST_ID_HEADER, scope.requestId);
        }
        // A partial listener: grpc-js fills in the other callbacks and hands `nextStatus` the rest of the chain.
        next(metadata, {
          onReceiveStatus(status, nextStatus) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            observer.observeGrpcCall(method, GrpcStatus[status.code] ?? String(status.code), seconds);
            if (scope !== undefined) {
              scope.upstreamMs += seconds * 1000;
            }
            nextStatus(status);
          },
        });
      },
    });
  };
}
