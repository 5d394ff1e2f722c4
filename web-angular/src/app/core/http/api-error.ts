import { HttpErrorResponse } from '@angular/common/http';

/** An HTTP failure reduced to what a person can act on: the API's `{error}` text plus status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds: number | null = null,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_FALLBACKS: Record<number, string> = {
  0: 'Cannot reach the server. Check that the gateway is running and try again.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  429: 'Too many requests. Wait a moment and try again.',
  503: 'The search service is unavailable right now. Try again shortly.',
};

function bodyMessage(body: unknown): string | null {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = body.error;
    if (typeof error === 'string' && error.trim()) {
      return error;
    }
    if (Array.isArray(error)) {
      return error.filter((part) => typeof part === 'string').join('; ') || null;
    }
  }
  if (typeof body === 'string' && body.trim() && !body.trimStart().startsWith('<')) {
    return body;
  }
  return null;
}

export function toApiError(response: HttpErrorResponse): ApiError {
  const retryHeader = response.headers?.get('Retry-After');
  const retryAfter = retryHeader !== null && retryHeader !== undefined ? Number(retryHeader) : NaN;
  const message =
    bodyMessage(response.error) ??
    STATUS_FALLBACKS[response.status] ??
    (response.status >= 500
      ? `The server failed (HTTP ${response.status}). Try again shortly.`
      : `Request failed (HTTP ${response.status}).`);
  return new ApiError(message, response.status, Number.isFinite(retryAfter) ? retryAfter : null, response.error);
}

/** Readable text for anything a view may catch: ApiError, plain Error or unknown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return error.retryAfterSeconds !== null && error.status >= 429
      ? `${error.message} (retry in ${error.retryAfterSeconds} s)`
      : error.message;
  }
  if (error instanceof HttpErrorResponse) {
    return errorMessage(toApiError(error));
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
