import { BadRequestException } from '@nestjs/common';
import { SORT_ORDERS, SortOrder, VIDEO_SORT_FIELDS, VideoSortField } from './dto/video.dto';
import type { SortPosition } from './videos.repository';

/** The next page starts right after `after`; `position` counts the videos before it, for its page number. */
export interface VideoCursor {
  sort: VideoSortField;
  order: SortOrder;
  after: SortPosition;
  position: number;
}

// Bumped whenever the encoded layout changes, so cursors handed out before are refused, not misread.
const FORMAT = 1;
const MAX_INT = 2_147_483_647;
// A lower-cased title can be longer than the 200 characters of the original (e.g. "İ" folds to two).
const MAX_TITLE_KEY_LENGTH = 400;
// Room for the longest title key in UTF-8; anything longer is refused before it is decoded.
const MAX_ENCODED_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MALFORMED = 'cursor is malformed; use a next_cursor exactly as a list returned it';

/**
 * Cursors are opaque to clients but not secret: they carry no authority (the owner always comes from
 * the credentials), so decoding only has to prove the cursor is one we could have made for this order.
 */
export function encodeCursor(cursor: VideoCursor): string {
  const fields = [FORMAT, cursor.sort, cursor.order, cursor.after.key, cursor.after.id, cursor.position];
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

export function decodeCursor(encoded: string, sort: VideoSortField, order: SortOrder): VideoCursor {
  const fields = parseFields(encoded);
  if (!Array.isArray(fields) || fields.length !== 6 || fields[0] !== FORMAT) {
    throw new BadRequestException(MALFORMED);
  }
  const [, cursorSort, cursorOrder, key, id, position] = fields as unknown[];
  if (!isOneOf(VIDEO_SORT_FIELDS, cursorSort) || !isOneOf(SORT_ORDERS, cursorOrder)) {
    throw new BadRequestException(MALFORMED);
  }
  if (cursorSort !== sort || cursorOrder !== order) {
    throw new BadRequestException(
      `cursor belongs to sort=${cursorSort}&order=${cursorOrder}; send the same sort and order, or start again without a cursor`,
    );
  }
  if (!isValidKey(sort, key) || !isIntIn(id, 1, MAX_INT) || !isIntIn(position, 1, Number.MAX_SAFE_INTEGER)) {
    throw new BadRequestException(MALFORMED);
  }
  return { sort, order, after: { key, id }, position };
}

function parseFields(encoded: string): unknown {
  if (encoded.length > MAX_ENCODED_LENGTH || !BASE64URL.test(encoded)) {
    throw new BadRequestException(MALFORMED);
  }
  const json = Buffer.from(encoded, 'base64url').toString('utf8');
  // Buffer decoding skips what it cannot read; only a cursor that re-encodes identically is ours.
  if (Buffer.from(json).toString('base64url') !== encoded) {
    throw new BadRequestException(MALFORMED);
  }
  try {
    return JSON.parse(json);
  } catch {
    throw new BadRequestException(MALFORMED);
  }
}

function isValidKey(sort: VideoSortField, key: unknown): key is string | number {
  switch (sort) {
    case 'created_at':
      return typeof key === 'string' && isCanonicalIsoDate(key);
    case 'title':
      return typeof key === 'string' && key.length <= MAX_TITLE_KEY_LENGTH && key === key.toLowerCase();
    case 'duration':
      return isIntIn(key, 0, MAX_INT);
  }
}

function isCanonicalIsoDate(text: string): boolean {
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
}

function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}
