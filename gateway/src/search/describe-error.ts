import { HttpException } from '@nestjs/common';

/** A one-line reason for logs and status pages; for our HTTP exceptions, the `{error}` a client would see. */
export function describeError(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    if (typeof body === 'object' && 'error' in body && typeof body.error === 'string') {
      return body.error;
    }
    if (typeof body === 'object' && 'message' in body && typeof body.message === 'string') {
      return body.message;
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
