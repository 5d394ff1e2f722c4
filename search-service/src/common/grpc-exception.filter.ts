import { status as GrpcStatus } from '@grpc/grpc-js';
import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { SearchException, SearchExceptionCode } from './search.exception';

export interface GrpcError {
  code: GrpcStatus;
  message: string;
}

/**
 * A status message travels in the call's trailers. One that echoes a huge input (an unknown name of 100 KB)
 * overflows the client's header limits, and grpc-js then stalls every call on that connection.
 */
export const MAX_STATUS_MESSAGE_LENGTH = 1000;

function bounded(message: string): string {
  return message.length <= MAX_STATUS_MESSAGE_LENGTH ? message : `${message.slice(0, MAX_STATUS_MESSAGE_LENGTH - 1)}…`;
}

export function grpcStatusFor(code: SearchExceptionCode): GrpcStatus {
  switch (code) {
    case SearchExceptionCode.InvalidArgument:
      return GrpcStatus.INVALID_ARGUMENT;
    case SearchExceptionCode.NotFound:
      return GrpcStatus.NOT_FOUND;
    case SearchExceptionCode.FailedPrecondition:
      return GrpcStatus.FAILED_PRECONDITION;
    case SearchExceptionCode.Unauthenticated:
      return GrpcStatus.UNAUTHENTICATED;
    case SearchExceptionCode.Unavailable:
      return GrpcStatus.UNAVAILABLE;
  }
}

function isGrpcError(value: unknown): value is GrpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as GrpcError).code === 'number' &&
    typeof (value as GrpcError).message === 'string'
  );
}

/** The one place where errors become gRPC statuses; anything unexpected is logged and hidden behind INTERNAL. */
@Catch()
export class GrpcExceptionFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger(GrpcExceptionFilter.name);

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toGrpcError(exception));
  }

  toGrpcError(exception: unknown): GrpcError {
    if (exception instanceof SearchException) {
      return { code: grpcStatusFor(exception.code), message: bounded(exception.message) };
    }
    if (exception instanceof RpcException) {
      const error = exception.getError();
      if (isGrpcError(error)) {
        return { code: error.code, message: bounded(error.message) };
      }
    }
    this.logger.error('Unhandled error in a gRPC handler', exception instanceof Error ? exception.stack : exception);
    return { code: GrpcStatus.INTERNAL, message: 'Internal error' };
  }
}
