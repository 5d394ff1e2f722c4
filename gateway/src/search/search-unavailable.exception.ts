import { ServiceUnavailableException } from '@nestjs/common';

/** 503 whose body carries `retry_after` (seconds); AllExceptionsFilter mirrors it into `Retry-After`. */
export class SearchUnavailableException extends ServiceUnavailableException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ error: message, retry_after: retryAfterSeconds });
  }
}
