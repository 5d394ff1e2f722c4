/** class-transformer functions the DTOs share, each run before the validation rules. */

export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** `true` / `false` from a query string; anything else is left for @IsBoolean to refuse. */
export const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === 'true') {
    return true;
  }
  return value === 'false' ? false : value;
};

/**
 * Written in decimal, as a query parameter's number is; `Number()` alone also reads `0x10`, `0b1`, `1e3` and
 * `Infinity`, which a client did not mean as a page or a limit.
 */
const DECIMAL = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/** A query parameter holding a decimal number; anything else stays as it is and fails the number check. */
export const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
