import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor, VideoCursor } from './video-cursor';

const MALFORMED = 'cursor is malformed; use a next_cursor exactly as a list returned it';

function encodeFields(fields: unknown): string {
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

function decodeError(encoded: string, sort: VideoCursor['sort'] = 'created_at', order: VideoCursor['order'] = 'desc') {
  try {
    decodeCursor(encoded, sort, order);
  } catch (error) {
    return error;
  }
  throw new Error('expected the cursor to be refused');
}

describe('video cursors', () => {
  it.each<VideoCursor>([
    { sort: 'created_at', order: 'desc', after: { key: '2026-11-26T10:00:00.000Z', id: 42 }, position: 20 },
    { sort: 'title', order: 'asc', after: { key: 'ärger im büro — 日本語 "quoted"', id: 7 }, position: 1 },
    { sort: 'duration', order: 'asc', after: { key: 0, id: 2_147_483_647 }, position: 100 },
  ])('decode what they encode, for sort $sort', (cursor) => {
    const encoded = encodeCursor(cursor);

    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded, cursor.sort, cursor.order)).toEqual(cursor);
  });

  it('refuse a cursor made for another sort or order, naming the one it was made for', () => {
    const encoded = encodeCursor({ sort: 'title', order: 'asc', after: { key: 'a', id: 1 }, position: 20 });

    for (const [sort, order] of [
      ['title', 'desc'],
      ['duration', 'asc'],
    ] as const) {
      const error = decodeError(encoded, sort, order);
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as Error).message).toBe(
        'cursor belongs to sort=title&order=asc; send the same sort and order, or start again without a cursor',
      );
    }
  });

  it.each([
    ['an empty string', ''],
    ['characters outside base64url', 'not a cursor!'],
    [
      'standard base64 padding',
      `${encodeCursor({ sort: 'duration', order: 'asc', after: { key: 1, id: 1 }, position: 1 })}=`,
    ],
    ['bytes that are not JSON', Buffer.from('{nope').toString('base64url')],
    ['JSON that is not a field list', encodeFields({ sort: 'created_at' })],
    ['another format version', encodeFields([2, 'created_at', 'desc', '2026-11-26T10:00:00.000Z', 1, 1])],
    ['a missing field', encodeFields([1, 'created_at', 'desc', '2026-11-26T10:00:00.000Z', 1])],
    ['an unknown sort', encodeFields([1, 'owner_id', 'desc', 1, 1, 1])],
    ['an unknown order', encodeFields([1, 'created_at', 'up', '2026-11-26T10:00:00.000Z', 1, 1])],
    ['a date that is not canonical ISO', encodeFields([1, 'created_at', 'desc', '2026-11-26', 1, 1])],
    ['a date that does not exist', encodeFields([1, 'created_at', 'desc', '2026-02-30T10:00:00.000Z', 1, 1])],
    ['a number as a date key', encodeFields([1, 'created_at', 'desc', 1764150000000, 1, 1])],
    ['a zero id', encodeFields([1, 'created_at', 'desc', '2026-11-26T10:00:00.000Z', 0, 1])],
    ['a fractional id', encodeFields([1, 'created_at', 'desc', '2026-11-26T10:00:00.000Z', 1.5, 1])],
    ['a zero position', encodeFields([1, 'created_at', 'desc', '2026-11-26T10:00:00.000Z', 1, 0])],
    ['a string position', encodeFields([1, 'created_at', 'desc', '2026-11-26T10:00:00.000Z', 1, '20'])],
    ['an oversized cursor', 'A'.repeat(5000)],
  ])('refuse %s as malformed', (_case, encoded) => {
    const error = decodeError(encoded);

    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as Error).message).toBe(MALFORMED);
  });

  it.each([
    ['title', 'a title key that is not lower-cased', 'Apple'],
    ['title', 'a number as a title key', 5],
    ['title', 'an overlong title key', 'x'.repeat(401)],
    ['duration', 'a negative duration key', -1],
    ['duration', 'a string as a duration key', '60'],
  ] as const)('refuse, for sort %s, %s', (sort, _case, key) => {
    const error = decodeError(encodeFields([1, sort, 'asc', key, 1, 1]), sort, 'asc');

    expect((error as Error).message).toBe(MALFORMED);
  });
});
