import { status as Status } from '@grpc/grpc-js';
import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { GrpcCallError, isGrpcCallError } from './resilience/grpc-error';
import { isBreakerOpen, isBulkheadFull, isTimeout } from './resilience/search-resilience.policy';
import { SearchUnavailableException } from './search-unavailable.exception';

const logger = new Logger('SearchGrpcClient');

/** Messages the REST contract fixes for some answers; otherwise the search service's own text is used. */
export interface ErrorMessages {
  notFound?: string;
}

/** Seconds a client should wait before retrying after a transient failure of one call. */
const TRANSIENT_RETRY_AFTER_SECONDS = 1;

/**
 * The one place a failed search-service call becomes an HTTP answer. Request errors keep the
 * service's message (it is written for the caller); service failures never leak internals.
 */
export function toHttpException(
  error: unknown,
  retryAfterSeconds: () => number,
  messages: ErrorMessages = {},
): HttpException {
  if (error instanceof HttpException) {
    return error;
  }
  if (isBreakerOpen(error)) {
    return new SearchUnavailableException('Search service unavailable (circuit breaker open)', retryAfterSeconds());
  }
  if (isBulkheadFull(error)) {
    return new SearchUnavailableException(
      'Search service busy, too many concurrent requests',
      TRANSIENT_RETRY_AFTER_SECONDS,
    );
  }
  if (isTimeout(error)) {
    return new SearchUnavailableException('Search service timed out', TRANSIENT_RETRY_AFTER_SECONDS);
  }
  if (isGrpcCallError(error)) {
    return grpcErrorToHttp(error, messages);
  }
  logger.error(`Unexpected search client failure: ${error instanceof Error ? error.stack : String(error)}`);
  return new BadGatewayException('Search service error');
}

export function grpcErrorToHttp(error: GrpcCallError, messages: ErrorMessages = {}): HttpException {
  const detail = error.details || Status[error.code];
  switch (error.code) {
    case Status.INVALID_ARGUMENT:
    case Status.OUT_OF_RANGE:
      return new BadRequestException(detail);
    case Status.NOT_FOUND:
      return new NotFoundException(messages.notFound ?? detail);
    case Status.ALREADY_EXISTS:
    case Status.FAILED_PRECONDITION:
    case Status.ABORTED:
      return new ConflictException(detail);
    case Status.UNAVAILABLE:
    case Status.DEADLINE_EXCEEDED:
    case Status.RESOURCE_EXHAUSTED:
    case Status.CANCELLED:
      return new SearchUnavailableException('Search service unavailable', TRANSIENT_RETRY_AFTER_SECONDS);
    case Status.UNAUTHENTICATED:
    case Status.PERMISSION_DENIED:
      logger.error(
        `Search service refused the gateway (${Status[error.code]}: ${detail}); SERVICE_TOKEN differs between the two services`,
      );
      return new BadGatewayException('Search service misconfigured');
    case Status.UNIMPLEMENTED:
      logger.error(`Search service does not implement a called method (${detail}); the two services' contracts differ`);
      return new BadGatewayException('Search service error');
    case Status.OK:
    case Status.UNKNOWN:
    case Status.INTERNAL:
    case Status.DATA_LOSS:
      logger.warn(`Search service failed (${Status[error.code]}: ${detail})`);
      return new BadGatewayException('Search service error');
  }
}
