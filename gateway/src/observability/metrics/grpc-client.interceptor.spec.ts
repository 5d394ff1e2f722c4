import { status as GrpcStatus, Metadata, type InterceptingListener, type InterceptorOptions } from '@grpc/grpc-js';
import type { RequestScope } from '../logging/request-id';
import { createGrpcClientInterceptor, shortMethodName } from './grpc-client.interceptor';

describe('shortMethodName', () => {
  it('keeps the service and method, without the package', () => {
    expect(shortMethodName('/videosearch.search.v1.SearchService/SubmitSearch')).toBe('SearchService/SubmitSearch');
    expect(shortMethodName('/grpc.health.v1.Health/Check')).toBe('Health/Check');
  });
});

describe('createGrpcClientInterceptor', () => {
  type Started = { metadata: Metadata; listener: Partial<InterceptingListener> & Record<string, unknown> };

  function run(requestId: string | undefined, metadata = new Metadata()) {
    const observed: Array<[string, string]> = [];
    const scope: RequestScope | undefined = requestId === undefined ? undefined : { requestId, upstreamMs: 0 };
    const interceptor = createGrpcClientInterceptor(
      { observeGrpcCall: (method, code) => observed.push([method, code]) },
      () => scope,
    );
    const started: Started[] = [];
    const options = {
      method_definition: { path: '/videosearch.search.v1.SearchService/GetJob' },
    } as unknown as InterceptorOptions;
    const downstream = {
      start: (sentMetadata: Metadata, listener: Started['listener']) =>
        started.push({ metadata: sentMetadata, listener }),
      sendMessageWithContext: jest.fn(),
      startRead: jest.fn(),
      halfClose: jest.fn(),
      cancelWithStatus: jest.fn(),
      getPeer: () => '',
      getAuthContext: () => null,
      setCredentials: jest.fn(),
    };
    const call = interceptor(options, () => downstream as never);
    const receivedStatus: number[] = [];
    call.start(metadata, {
      onReceiveMetadata: jest.fn(),
      onReceiveMessage: jest.fn(),
      onReceiveStatus: (status) => receivedStatus.push(status.code),
    });
    return { observed, started, receivedStatus, scope };
  }

  it("sends the current request's id as x-request-id metadata", () => {
    const { started } = run('req-123');
    expect(started[0].metadata.get('x-request-id')).toEqual(['req-123']);
  });

  it('sends no id outside a request', () => {
    const { started } = run(undefined);
    expect(started[0].metadata.get('x-request-id')).toEqual([]);
  });

  it('records the outcome of each call and passes the status on', () => {
    const { observed, started, receivedStatus } = run('r');
    const listener = started[0].listener as InterceptingListener;
    listener.onReceiveStatus({ code: GrpcStatus.DEADLINE_EXCEEDED, details: 'late', metadata: new Metadata() });
    expect(observed).toEqual([['SearchService/GetJob', 'DEADLINE_EXCEEDED']]);
    expect(receivedStatus).toEqual([GrpcStatus.DEADLINE_EXCEEDED]);
  });

  it("adds each call's time to the request's scope", () => {
    const { started, scope } = run('r');
    (started[0].listener as InterceptingListener).onReceiveStatus({
      code: GrpcStatus.OK,
      details: '',
      metadata: new Metadata(),
    });
    expect(scope?.upstreamMs).toBeGreaterThan(0);
  });
});
