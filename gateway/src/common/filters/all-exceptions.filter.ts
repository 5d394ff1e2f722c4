import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteMethods } from '../http/route-methods';

interface HttpExceptionBody {
  message?: string | string[];
  error?: string;
  statusCode?: number;
  [field: string]: unknown;
}

/** Fastify's own wording for failures before routing, in the monolith's wording. */
const FRAMEWORK_MESSAGES: Partial<Record<number, string>> = {
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'Request body too large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'Unsupported request body content type',
};

/**
 * Every HTTP error leaves as JSON `{error: "..."}` (extra fields allowed, e.g. `details`,
 * `retry_after`). Anything that is not an HttpException is logged and becomes a bare 500. With the
 * app's `routes`, a request that matched no route although its path is served with other methods is
 * answered 405 with `Allow`.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  constructor(private readonly routes?: RouteMethods) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      throw exception;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) {
      return;
    }
    if (exception instanceof NotFoundException && this.routes) {
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      const allowed = request.is404 ? this.routes.allowedFor(request.url) : [];
      if (allowed.length > 0) {
        void reply
          .header('Allow', allowed.join(', '))
          .status(HttpStatus.METHOD_NOT_ALLOWED)
          .send({ error: `Method ${request.method} is not allowed here; use ${allowed.join(', ')}` });
        return;
      }
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const framework = FRAMEWORK_MESSAGES[status];
      const body = framework ? { error: framework } : toErrorBody(exception.getResponse(), status);
      // A body that says when to come back (503 from the search breaker, 429) says it in the header too.
      if (typeof body.retry_after === 'number') {
        void reply.header('Retry-After', body.retry_after);
      }
      void reply.status(status).send(body);
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    void reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send({ error: 'Internal server error' });
  }
}

export function toErrorBody(body: string | object, status: number): Record<string, unknown> {
  if (typeof body === 'string') {
    return { error: body };
  }
  const { message, error, statusCode: _statusCode, ...rest } = body as HttpExceptionBody;
  if (message === undefined) {
    // Already in our shape (e.g. `{error, details}` or `{error, retry_after}`), or a custom body.
    return typeof error === 'string' ? { error, ...rest } : { error: defaultMessage(status), ...rest };
  }
  const messages = Array.isArray(message) ? message : [message];
  return {
    error: messages[0] ?? error ?? defaultMessage(status),
    ...(messages.length > 1 ? { details: messages } : {}),
    ...rest,
  };
}

function defaultMessage(status: number): string {
  return status === 404 ? 'Not found' : `Request failed with status ${status}`;
}
