import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out but not sent as null: `@IsOptional()` skips both, which would let a null
 * through to a column that cannot hold one. A left-out field is skipped; null is checked like any value.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
