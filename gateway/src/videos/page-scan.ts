import type { SortOrder } from './dto/video.dto';

/** How to read a page: `limit` rows after skipping `offset`, in the list's order or, if `reverse`, from its end. */
export interface PageScan {
  reverse: boolean;
  offset: number;
  limit: number;
}

/**
 * Plans the read for the page that starts `offset` videos into a list. One row beyond the page is
 * asked for, so the caller learns whether another page follows. When the exact total is known, a
 * page past the middle is read backwards from the end, which skips fewer index entries; the rows
 * then arrive last-first and must be reversed. Null means the page lies wholly past the end.
 */
export function planPageScan(offset: number, pageSize: number, exactTotal?: number): PageScan | null {
  const wanted = pageSize + 1;
  if (exactTotal === undefined) {
    return { reverse: false, offset, limit: wanted };
  }
  if (offset >= exactTotal) {
    return null;
  }
  const end = Math.min(offset + wanted, exactTotal);
  const fromEnd = exactTotal - end;
  return fromEnd < offset
    ? { reverse: true, offset: fromEnd, limit: end - offset }
    : { reverse: false, offset, limit: wanted };
}

/**
 * The same rows as `planPageScan` (the page and the one after it) as a range [from, to) of positions
 * in ascending order, for reads that seek by ascending position; descending pages come out reversed.
 */
export function ascendingRange(
  offset: number,
  pageSize: number,
  total: number,
  order: SortOrder,
): { from: number; to: number } {
  const end = Math.min(offset + pageSize + 1, total);
  return order === 'asc' ? { from: offset, to: end } : { from: total - end, to: total - offset };
}
