import { status as Status } from '@grpc/grpc-js';

/** The shape grpc-js gives a failed call (`ServiceError`), reduced to what the gateway reads. */
export interface GrpcCallError {
  code: Status;
  details: string;
  message: string;
}

export function isGrpcCallError(error: unknown): error is GrpcCallError {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' && Status[code] !== undefined;
}

/** Codes that say the service itself is unhealthy, as opposed to a bad or refused request. */
const SERVICE_FAILURE_CODES: ReadonlySet<Status> = new Set([
  Status.UNAVAILABLE,
  Status.DEADLINE_EXCEEDED,
  Status.RESOURCE_EXHAUSTED,
  Status.INTERNAL,
  Status.UNKNOWN,
]);

/** Codes worth another attempt of an idempotent read: the request never ran or may succeed elsewhere. */
const TRANSIENT_CODES: ReadonlySet<Status> = new Set([
  Status.UNAVAILABLE,
  Status.DEADLINE_EXCEEDED,
  Status.RESOURCE_EXHAUSTED,
]);

export function isServiceFailureCode(code: Status): boolean {
  return SERVICE_FAILURE_CODES.has(code);
}

export function isTransientCode(code: Status): boolean {
  return TRANSIENT_CODES.has(code);
}
