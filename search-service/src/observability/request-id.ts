import type { Metadata } from '@grpc/grpc-js';

export const REQUEST_ID_METADATA = 'x-request-id';

/** The gateway's rule: short and free of anything a log viewer could misread. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's request id from the call metadata, or undefined when absent or unacceptable. */
export function requestIdFrom(metadata: Metadata | undefined): string | undefined {
  const [value] = metadata?.get(REQUEST_ID_METADATA) ?? [];
  return typeof value === 'string' && ACCEPTED_REQUEST_ID.test(value) ? value : undefined;
}
