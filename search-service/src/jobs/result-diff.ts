import type { HitChange } from '@proto/gen/ts/videosearch/search/v1/search';
import type { StoredResult } from './search-job.entity';

export interface ResultDiff {
  changes: HitChange[];
  moved: number;
  added: number;
  lost: number;
  unchanged: number;
}

/**
 * Sets a page of results answered now beside the same page answered before. Positions count over the whole result
 * list (the page's offset included), so they read as the ranks a user saw. The new page's order comes first, then
 * what it lost in the order the old page had it.
 */
export function diffResults(before: StoredResult[], after: StoredResult[], offset: number): ResultDiff {
  const earlier = new Map(before.map((result, index) => [result.videoId, { result, position: offset + index + 1 }]));
  const diff: ResultDiff = { changes: [], moved: 0, added: 0, lost: 0, unchanged: 0 };
  for (const [index, result] of after.entries()) {
    const position = offset + index + 1;
    const old = earlier.get(result.videoId);
    earlier.delete(result.videoId);
    const change = old === undefined ? 'new' : old.position === position ? 'unchanged' : 'moved';
    diff[change === 'new' ? 'added' : change] += 1;
    diff.changes.push({
      videoId: result.videoId,
      title: result.title,
      change,
      beforePosition: old?.position ?? 0,
      afterPosition: position,
      beforeScore: old?.result.relevanceScore ?? 0,
      afterScore: result.relevanceScore,
    });
  }
  for (const { result, position } of earlier.values()) {
    diff.lost += 1;
    diff.changes.push({
      videoId: result.videoId,
      title: result.title,
      change: 'lost',
      beforePosition: position,
      afterPosition: 0,
      beforeScore: result.relevanceScore,
      afterScore: 0,
    });
  }
  return diff;
}
