import { ApiResponse } from '@nestjs/swagger';

/** Documents the 503 every search route can answer: `{error, retry_after}` plus the `Retry-After` header. */
export function ApiSearchUnavailable(): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status: 503,
    description: 'The search service is down, slow or shed load, or the circuit breaker is open; retry later',
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
    schema: {
      type: 'object',
      properties: { error: { type: 'string' }, retry_after: { type: 'integer', description: 'Seconds' } },
      required: ['error', 'retry_after'],
    },
    example: { error: 'Search service unavailable (circuit breaker open)', retry_after: 4 },
  });
}
