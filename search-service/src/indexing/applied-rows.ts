import { Injectable } from '@nestjs/common';
import type { RowStamp } from './documents.repository';
import { documentKey } from './index-plan';

/**
 * The row versions this replica's engine already holds, for the rows the follower may still read again: its own
 * writes and what the current window applied. Without it the follower would re-apply every row this replica just
 * wrote, and an engine update of a document costs as much as removing it from each of its terms' postings.
 */
@Injectable()
export class AppliedRows {
  private readonly stamps = new Map<string, { version: number; updatedAt: string }>();

  note(rows: readonly RowStamp[]): void {
    for (const row of rows) {
      this.stamps.set(documentKey(row.ownerId, row.videoId), { version: row.version, updatedAt: row.updatedAt });
    }
  }

  isApplied(row: RowStamp): boolean {
    const seen = this.stamps.get(documentKey(row.ownerId, row.videoId));
    return seen !== undefined && seen.version === row.version && seen.updatedAt === row.updatedAt;
  }

  /** Rows stamped before `limit` will not be read again. */
  forgetBefore(limit: string): void {
    for (const [key, seen] of this.stamps) {
      if (seen.updatedAt < limit) {
        this.stamps.delete(key);
      }
    }
  }
}
