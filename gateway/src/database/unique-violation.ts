import { QueryFailedError } from 'typeorm';

const SQLITE_UNIQUE = 'SQLITE_CONSTRAINT_UNIQUE';
const POSTGRES_UNIQUE = '23505';

/** True when a write failed on a unique constraint, on either supported driver. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) {
    return false;
  }
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === SQLITE_UNIQUE || code === POSTGRES_UNIQUE;
}
