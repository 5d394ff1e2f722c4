import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** `{error: <first problem>, details: [every problem]}`, with nested fields named by their path. */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  const details = errors.flatMap((error) => messages(error, ''));
  return new BadRequestException({ error: details[0] ?? 'Invalid request', details });
}

function messages(error: ValidationError, parentPath: string): string[] {
  const path = parentPath ? `${parentPath}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) =>
    parentPath ? message.replace(error.property, path) : message,
  );
  return [...own, ...(error.children ?? []).flatMap((child) => messages(child, path))];
}
