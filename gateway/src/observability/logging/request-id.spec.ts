import { resolveRequestId } from './request-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it("keeps a caller's short, safe id", () => {
    expect(resolveRequestId('abc-123_x.y:z')).toBe('abc-123_x.y:z');
    expect(resolveRequestId(['first', 'second'])).toBe('first');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'a'.repeat(65)],
    ['with spaces', 'a b'],
    ['with a newline (log forging)', 'a\nb'],
    ['with quotes', '"a"'],
  ])('replaces a %s id with a fresh UUID version 7', (_case, header) => {
    expect(resolveRequestId(header)).toMatch(UUID_V7);
  });

  it('generates a different id each time', () => {
    expect(resolveRequestId(undefined)).not.toBe(resolveRequestId(undefined));
  });

  it('generates ids in the order they were made, so the request log appends to its per-user index', () => {
    const ids = Array.from({ length: 1000 }, () => resolveRequestId(undefined));
    expect([...ids].sort()).toEqual(ids);
  });
});
