import { BadRequestException } from '@nestjs/common';

/** The next page starts right after this row (newest first: earlier time, or the same time and a lower id). */
export interface RequestCursor {
  occurredAt: string;
  id: number;
}

const FORMAT = 1;
const MAX_ENCODED_LENGTH = 200;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MALFORMED = 'cursor is malformed; use a next_cursor exactly as a list returned it';

/** Opaque to clients but not secret: the owner always comes from the credentials. */
export function encodeRequestCursor(cursor: RequestCursor): string {
  return Buffer.from(JSON.stringify([FORMAT, cursor.occurredAt, cursor.id])).toString('base64url');
}

export function decodeRequestCursor(encoded: string): RequestCursor {
  if (encoded.length > MAX_ENCODED_LENGTH || !BASE64URL.test(encoded)) {
    throw new BadRequestException(MALFORMED);
  }
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestException(MALFORMED);
  }
  if (!Array.isArray(fields) || fields.length !== 3 || fields[0] !== FORMAT) {
    throw new BadRequestException(MALFORMED);
  }
  const [, occurredAt, id] = fields as unknown[];
  if (
    typeof occurredAt !== 'string' ||
    !ISO_INSTANT.test(occurredAt) ||
    !Number.isSafeInteger(id) ||
    (id as number) < 1
  ) {
    throw new BadRequestException(MALFORMED);
  }
  return { occurredAt, id: id as number };
}
