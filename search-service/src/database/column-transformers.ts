import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string to avoid precision loss; versions and counters stay far below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** JSON travels as text so the same column works on SQLite and PostgreSQL. */
export function jsonText<T>(): ValueTransformer {
  return {
    to: (value: T | null | undefined) => (value === null || value === undefined ? value : JSON.stringify(value)),
    from: (value: string | null) => (value === null ? null : (JSON.parse(value) as T)),
  };
}
