import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { validationMessages } from './validation-messages';

/** `{error: <first problem>, details: [every problem]}` (see validationMessages). */
export function validationExceptionFactory(errors: ValidationError[]): BadRequestException {
  return new BadRequestException(validationMessages(errors));
}
