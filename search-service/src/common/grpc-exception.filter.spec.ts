import { status } from '@grpc/grpc-js';
import type { ArgumentsHost } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { GrpcError, GrpcExceptionFilter, grpcStatusFor, MAX_STATUS_MESSAGE_LENGTH } from './grpc-exception.filter';
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

  it('shortens a message that echoes a huge input, which would not fit in the trailers', async () => {
    const error = await firstValueFrom(
      sut.catch(SearchException.notFound(`Unknown service "${'x'.repeat(100_000)}"`), host),
    ).catch((caught: GrpcError) => caught);

    expect(error).toMatchObject({ code: status.NOT_FOUND });
    expect(error.message).toHaveLength(MAX_STATUS_MESSAGE_LENGTH);
    expect(error.message).toMatch(/^Unknown service "x+…$/);
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
