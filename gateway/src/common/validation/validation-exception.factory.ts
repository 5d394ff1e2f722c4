import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/**
 * `{error: <first problem>, details: [every problem]}`, nested fields named by their path. The first
 * problem of a field is its top-most failing decorator, so put presence checks above type checks.
 */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  // Two decorators can word the same problem alike (e.g. a type check and a range check on `page`).
  const details = [...new Set(errors.flatMap((error) => messages(error, '')))];
  return new BadRequestException({ error: details[0] ?? 'Invalid request', details });
}

function messages(error: ValidationError, parentPath: string): string[] {
  const path = parentPath ? `${parentPath}.${error.property}` : error.property;
  // class-validator reports constraints bottom-up; reversed, they follow the decorators as written.
  const own = Object.values(error.constraints ?? {})
    .reverse()
    .map((message) => (parentPath && !message.startsWith(path) ? message.replace(error.property, path) : message));
  return [...own, ...(error.children ?? []).flatMap((child) => messages(child, path))];
}
