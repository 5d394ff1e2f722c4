import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { answerClientError, answerFrameworkError } from './framework-errors';

function fakeSocket(overrides: Partial<Socket> = {}): jest.Mocked<Socket> {
  return {
    destroyed: false,
    writable: true,
    remoteAddress: '127.0.0.1',
    write: jest.fn(),
    destroy: jest.fn(),
    ...overrides,
  } as unknown as jest.Mocked<Socket>;
}

function parserError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('answerClientError', () => {
  const root = PinoLogger.root as Logger | undefined;
  let log: { info: jest.Mock; error: jest.Mock };

  beforeEach(() => {
    log = { info: jest.fn(), error: jest.fn() };
    PinoLogger.root = log;
  });

  afterEach(() => {
    PinoLogger.root = root as Logger;
  });

  it('answers headers over the limit with 431 {error}, the security headers, and closes the connection', () => {
    const socket = fakeSocket();
    const error = parserError('HPE_HEADER_OVERFLOW');

    answerClientError(error, socket);

    const [response] = socket.write.mock.calls[0] as [string];
    const [head, body] = response.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(head).toContain('X-Content-Type-Options: nosniff');
    expect(head).toContain('connection: close');
    expect(head).toContain(`content-length: ${Buffer.byteLength(body)}`);
    expect(JSON.parse(body)).toEqual({ error: 'Request headers too large: send less than 16 KiB of headers' });
    expect(socket.destroy).toHaveBeenCalledWith(error);
  });

  it('answers any other parser error with 400 and logs one line for it', () => {
    const socket = fakeSocket();

    answerClientError(parserError('HPE_INVALID_HEADER_TOKEN'), socket);

    expect(socket.write.mock.calls[0][0]).toMatch(
      /^HTTP\/1\.1 400 Bad Request\r\n[\s\S]*\{"error":"Malformed HTTP request"\}$/,
    );
    expect(log.info).toHaveBeenCalledWith(
      { req: { remoteAddress: '127.0.0.1' }, res: { statusCode: 400 }, code: 'HPE_INVALID_HEADER_TOKEN' },
      'request refused before routing',
    );
  });

  it('writes nothing to a connection the client reset or that is already gone', () => {
    const reset = fakeSocket();
    const gone = fakeSocket({ destroyed: true });

    answerClientError(parserError('ECONNRESET'), reset);
    answerClientError(parserError('HPE_HEADER_OVERFLOW'), gone);

    expect(reset.write).not.toHaveBeenCalled();
    expect(gone.write).not.toHaveBeenCalled();
    expect(log.info).not.toHaveBeenCalled();
  });
});

describe('answerFrameworkError', () => {
  const root = PinoLogger.root as Logger | undefined;

  afterEach(() => {
    PinoLogger.root = root as Logger;
  });

  it('answers an undecodable URL with 400 {error} and logs its path without the query', () => {
    const log = { info: jest.fn(), error: jest.fn() };
    PinoLogger.root = log;
    const reply = { headers: jest.fn(), code: jest.fn(), send: jest.fn() };
    reply.headers.mockReturnValue(reply);
    reply.code.mockReturnValue(reply);
    const request = { id: 'r-1', method: 'GET', url: '/api/v1/%ff?token=secret', ip: '127.0.0.1' };
    const error = Object.assign(new Error('bad url'), { code: 'FST_ERR_BAD_URL', statusCode: 400 });

    answerFrameworkError(error, request as unknown as FastifyRequest, reply as unknown as FastifyReply);

    expect(reply.code).toHaveBeenCalledWith(400);
    expect(reply.send).toHaveBeenCalledWith({
      error: 'Malformed URL: a percent-encoded character in its path does not decode',
    });
    expect(log.info).toHaveBeenCalledWith(
      {
        reqId: 'r-1',
        req: { method: 'GET', path: '/api/v1/%ff', remoteAddress: '127.0.0.1' },
        res: { statusCode: 400 },
      },
      'request refused before routing',
    );
  });
});
