/** class-transformer functions the DTOs share, each run before the validation rules. */

export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** `true` / `false` from a query string; anything else is left for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === 'true') {
    return true;
  }
  return value === 'false' ? false : value;
};
