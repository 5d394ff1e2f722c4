import { status as Status } from '@grpc/grpc-js';
import { HttpException, Logger } from '@nestjs/common';
import { BrokenCircuitError, BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { grpcErrorToHttp, toHttpException } from './grpc-status-to-http.util';
import { SearchUnavailableException } from './search-unavailable.exception';

function grpcError(code: Status, details = 'detail from the service') {
  return Object.assign(new Error(`${code} ${Status[code]}: ${details}`), { code, details });
}

const bodyOf = (exception: HttpException) => exception.getResponse();

describe('grpcErrorToHttp', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it.each([
    [Status.INVALID_ARGUMENT, 400],
    [Status.OUT_OF_RANGE, 400],
    [Status.NOT_FOUND, 404],
    [Status.ALREADY_EXISTS, 409],
    [Status.FAILED_PRECONDITION, 409],
    [Status.ABORTED, 409],
    [Status.UNAVAILABLE, 503],
    [Status.DEADLINE_EXCEEDED, 503],
    [Status.RESOURCE_EXHAUSTED, 503],
    [Status.CANCELLED, 503],
    [Status.UNAUTHENTICATED, 502],
    [Status.PERMISSION_DENIED, 502],
    [Status.UNIMPLEMENTED, 502],
    [Status.INTERNAL, 502],
    [Status.UNKNOWN, 502],
    [Status.DATA_LOSS, 502],
    [Status.OK, 502],
  ])('maps gRPC %s to HTTP %s', (code, httpStatus) => {
    expect(grpcErrorToHttp(grpcError(code)).getStatus()).toBe(httpStatus);
  });

  it("keeps the service's message for a request error", () => {
    expect(
      bodyOf(grpcErrorToHttp(grpcError(Status.FAILED_PRECONDITION, 'Only failed or cancelled jobs can be retried'))),
    ).toMatchObject({
      message: 'Only failed or cancelled jobs can be retried',
    });
  });

  it('uses the REST message for a not-found when given one', () => {
    expect(bodyOf(grpcErrorToHttp(grpcError(Status.NOT_FOUND), { notFound: 'Search job not found' }))).toMatchObject({
      message: 'Search job not found',
    });
  });

  it('answers 503 with retry_after when the service is unavailable', () => {
    const exception = grpcErrorToHttp(grpcError(Status.UNAVAILABLE, 'connect ECONNREFUSED 127.0.0.1:50051'));
    expect(exception).toBeInstanceOf(SearchUnavailableException);
    expect(bodyOf(exception)).toEqual({ error: 'Search service unavailable', retry_after: 1 });
  });

  it('logs a refused service token as a misconfiguration without telling the client the details', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const exception = grpcErrorToHttp(grpcError(Status.UNAUTHENTICATED, 'missing x-service-token'));
    expect(bodyOf(exception)).toMatchObject({ message: 'Search service misconfigured' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('SERVICE_TOKEN'));
  });

  it('hides internal failures behind a generic 502', () => {
    expect(bodyOf(grpcErrorToHttp(grpcError(Status.INTERNAL, 'SQLITE_BUSY at line 3')))).toMatchObject({
      message: 'Search service error',
    });
  });
});

describe('toHttpException', () => {
  const retryAfter = () => 4;

  it('answers an open breaker with 503 and the seconds until the probe', () => {
    const exception = toHttpException(new BrokenCircuitError(), retryAfter);
    expect(exception.getStatus()).toBe(503);
    expect(bodyOf(exception)).toEqual({ error: 'Search service unavailable (circuit breaker open)', retry_after: 4 });
  });

  it('answers a full bulkhead with 503', () => {
    const exception = toHttpException(new BulkheadRejectedError(1, 0), retryAfter);
    expect(exception.getStatus()).toBe(503);
    expect(bodyOf(exception)).toMatchObject({ retry_after: 1 });
  });

  it('answers a timeout with 503', () => {
    expect(toHttpException(new TaskCancelledError(), retryAfter).getStatus()).toBe(503);
  });

  it('passes HTTP exceptions through', () => {
    const original = new SearchUnavailableException('x', 2);
    expect(toHttpException(original, retryAfter)).toBe(original);
  });

  it('turns anything else into a logged 502', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(toHttpException(new TypeError('boom'), retryAfter).getStatus()).toBe(502);
    expect(logged).toHaveBeenCalled();
  });
});
