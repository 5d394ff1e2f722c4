import type { ValidationError } from 'class-validator';

export interface ValidationMessages {
  /** The first problem, what a client is shown. */
  error: string;
  details: string[];
}

/**
 * Every problem of a validation worded for the client, nested fields named by their path. The first problem of a
 * field is its top-most failing decorator, so put presence checks above type checks. Free of Nest, so the import's
 * row-check workers word a row's problem as a single create would without loading the framework.
 */
export function validationMessages(errors: ValidationError[]): ValidationMessages {
  // Two decorators can word the same problem alike (e.g. a type check and a range check on `page`).
  const details = [...new Set(errors.flatMap((error) => messages(error, '')))];
  return { error: details[0] ?? 'Invalid request', details };
}

function messages(error: ValidationError, parentPath: string): string[] {
  const path = parentPath ? `${parentPath}.${error.property}` : error.property;
  // class-validator reports constraints bottom-up; reversed, they follow the decorators as written.
  const own = Object.values(error.constraints ?? {})
    .reverse()
    .map((message) => (parentPath && !message.startsWith(path) ? message.replace(error.property, path) : message));
  return [...own, ...(error.children ?? []).flatMap((child) => messages(child, path))];
}
