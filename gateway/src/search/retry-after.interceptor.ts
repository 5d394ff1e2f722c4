import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, catchError, throwError } from 'rxjs';
import { SearchUnavailableException } from './search-unavailable.exception';

/** Mirrors a 503's `retry_after` into the `Retry-After` header before the error filter writes the body. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof SearchUnavailableException) {
          void context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', error.retryAfterSeconds);
        }
        return throwError(() => error);
      }),
    );
  }
}
