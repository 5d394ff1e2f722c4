import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

/** Documents error answers, each as `{error}` with the message a client actually receives. */
export function ApiErrors(errors: Record<number, string>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([status, message]) =>
      ApiResponse({
        status: Number(status),
        description: message,
        type: ErrorResponseDto,
        example: { error: message },
      }),
    ),
  );
}
