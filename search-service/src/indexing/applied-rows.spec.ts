import { AppliedRows } from './applied-rows';

const row = (videoId: number, version: number, updatedAt: string) => ({ ownerId: 1, videoId, version, updatedAt });

describe('AppliedRows', () => {
  it('knows a noted row by its version and stamp, not by its key alone', () => {
    const applied = new AppliedRows();
    applied.note([row(1, 2, '2026-12-04T10:00:00.000Z')]);
    expect(applied.isApplied(row(1, 2, '2026-12-04T10:00:00.000Z'))).toBe(true);
    expect(applied.isApplied(row(1, 3, '2026-12-04T10:00:01.000Z'))).toBe(false);
    expect(applied.isApplied(row(1, 2, '2026-12-04T10:00:01.000Z'))).toBe(false);
    expect(applied.isApplied(row(2, 2, '2026-12-04T10:00:00.000Z'))).toBe(false);
  });

  it('forgets rows stamped before the limit and keeps later ones', () => {
    const applied = new AppliedRows();
    applied.note([row(1, 1, '2026-12-04T10:00:00.000Z'), row(2, 1, '2026-12-04T10:00:05.000Z')]);
    applied.forgetBefore('2026-12-04T10:00:03.000Z');
    expect(applied.isApplied(row(1, 1, '2026-12-04T10:00:00.000Z'))).toBe(false);
    expect(applied.isApplied(row(2, 1, '2026-12-04T10:00:05.000Z'))).toBe(true);
  });
});
