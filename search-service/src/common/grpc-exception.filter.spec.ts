import { status } from '@grpc/grpc-js';
import type { ArgumentsHost } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { GrpcExceptionFilter, grpcStatusFor } from './grpc-exception.filter';
import { SearchException, SearchExceptionCode } from './search.exception';

describe('GrpcExceptionFilter', () => {
  const sut = new GrpcExceptionFilter();
  const host = {} as ArgumentsHost;

  it.each([
    [SearchExceptionCode.InvalidArgument, status.INVALID_ARGUMENT],
    [SearchExceptionCode.NotFound, status.NOT_FOUND],
    [SearchExceptionCode.FailedPrecondition, status.FAILED_PRECONDITION],
    [SearchExceptionCode.Unauthenticated, status.UNAUTHENTICATED],
    [SearchExceptionCode.Unavailable, status.UNAVAILABLE],
  ])('maps %s to gRPC status %i', (code, expected) => {
    expect(grpcStatusFor(code)).toBe(expected);
  });

  it('keeps the message of a domain error', async () => {
    await expect(firstValueFrom(sut.catch(SearchException.notFound('Search job not found'), host))).rejects.toEqual({
      code: status.NOT_FOUND,
      message: 'Search job not found',
    });
  });

  it('passes an RpcException carrying a gRPC status through', async () => {
    const error = new RpcException({ code: status.RESOURCE_EXHAUSTED, message: 'slow down' });
    await expect(firstValueFrom(sut.catch(error, host))).rejects.toEqual({
      code: status.RESOURCE_EXHAUSTED,
      message: 'slow down',
    });
  });

  it('hides unexpected errors behind INTERNAL', async () => {
    const logged = jest.spyOn(sut['logger'], 'error').mockImplementation(() => undefined);
    await expect(firstValueFrom(sut.catch(new Error('SQLITE_BUSY at /secret/path'), host))).rejects.toEqual({
      code: status.INTERNAL,
      message: 'Internal error',
    });
    expect(logged).toHaveBeenCalled();
  });
});
