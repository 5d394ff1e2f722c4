import {
  credentials,
  status as GrpcStatus,
  makeGenericClientConstructor,
  Metadata,
  Server,
  ServerCredentials,
  type Client,
  type ServiceDefinition,
  type ServiceError,
} from '@grpc/grpc-js';
import type { PinoLogger } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { Writable } from 'node:stream';
import pino from 'pino';
import { GrpcCallObserver, methodNameOf } from './grpc-call-observer';
import { SearchMetrics } from './search-metrics';

const identity = (value: Buffer): Buffer => value;
const ECHO: ServiceDefinition = {
  say: {
    path: '/test.v1.Echo/Say',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};

type EchoClient = Client & {
  say(request: Buffer, metadata: Metadata, callback: (error: ServiceError | null, reply?: Buffer) => void): void;
};

describe(GrpcCallObserver.name, () => {
  let metrics: SearchMetrics;
  let lines: Array<Record<string, unknown>>;
  let handlerBindings: Array<Record<string, unknown> | undefined>;
  let server: Server;
  let client: EchoClient;

  beforeEach(async () => {
    metrics = new SearchMetrics();
    lines = [];
    handlerBindings = [];
    const root = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      }),
    );
    const observer = new GrpcCallObserver(metrics, { logger: root } as PinoLogger);
    server = new Server({ interceptors: [observer.interceptor] });
    server.addService(ECHO, {
      say: (
        call: { request: Buffer },
        callback: (error: Partial<ServiceError> | null, reply?: Buffer) => void,
      ): void => {
        handlerBindings.push(storage.getStore()?.logger.bindings());
        if (call.request.toString() === 'missing') {
          callback({ code: GrpcStatus.NOT_FOUND, details: 'Search job not found' });
        } else {
          callback(null, call.request);
        }
      },
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    const Echo = makeGenericClientConstructor(ECHO, 'Echo');
    client = new Echo(`127.0.0.1:${port}`, credentials.createInsecure()) as EchoClient;
  });

  afterEach(async () => {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  });

  const say = (text: string, requestId?: string): Promise<ServiceError | null> => {
    const metadata = new Metadata();
    if (requestId !== undefined) {
      metadata.set('x-request-id', requestId);
    }
    return new Promise((resolve) => client.say(Buffer.from(text), metadata, (error) => resolve(error)));
  };

  it("runs the handler with a logger bound to the caller's request id and logs the call once", async () => {
    await expect(say('hello', 'req-9')).resolves.toBeNull();
    expect(handlerBindings).toEqual([{ reqId: 'req-9', method: 'Echo/Say' }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: 'req-9', method: 'Echo/Say', code: 'OK', msg: 'gRPC call handled' });
    expect(await metrics.registry.metrics()).toContain('grpc_server_handled_total{method="Echo/Say",code="OK"} 1');
  });

  it('ignores an unsafe request id', async () => {
    await say('hello', 'bad id {"x": 1}');
    expect(handlerBindings).toEqual([{ method: 'Echo/Say' }]);
    expect(lines[0]).not.toHaveProperty('reqId');
  });

  it('counts a failed call under the code it sent', async () => {
    await expect(say('missing')).resolves.toMatchObject({ code: GrpcStatus.NOT_FOUND });
    expect(lines[0]).toMatchObject({ code: 'NOT_FOUND', msg: 'gRPC call handled' });
    expect(await metrics.registry.metrics()).toContain(
      'grpc_server_handled_total{method="Echo/Say",code="NOT_FOUND"} 1',
    );
  });
});

describe(methodNameOf.name, () => {
  it('names a method by its service, without the package, as the proto spells it', () => {
    expect(methodNameOf('/videosearch.search.v1.SearchService/SubmitSearch')).toBe('SearchService/SubmitSearch');
    expect(methodNameOf('/grpc.health.v1.Health/Check')).toBe('Health/Check');
  });
});
