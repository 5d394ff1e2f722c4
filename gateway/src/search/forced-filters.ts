import type { ForcedSearchFilters } from '@gateway/auth/authenticated-user';
import type { SearchFilters } from '@proto/gen/ts/videosearch/search/v1/common';

/**
 * A search token's filters ANDed onto a search's own, so that no answer ever leaves the token's part
 * of the library. Where the proto cannot say "both" exactly, the result is narrower, never wider.
 */

/**
 * A tag both required and excluded, which no video passes. The proto has no "match nothing" (an empty
 * list means "no restriction"), so a search whose own filters and the token's cannot both hold sends this.
 */
export const NO_VIDEO_TAG = 'no-video-passes-this-filter';

const END_OF_DAY = 'T23:59:59.999Z';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** True when the token restricts anything (a token created with `{}` sees the whole library). */
export function restrictsSearch(forced: ForcedSearchFilters | null): forced is ForcedSearchFilters {
  return (
    forced !== null &&
    Object.values(forced).some((value) => value !== undefined && (!Array.isArray(value) || value.length > 0))
  );
}

export function applyForcedFilters(filters: SearchFilters, forced: ForcedSearchFilters | null): SearchFilters {
  if (!restrictsSearch(forced)) {
    return filters;
  }
  const ids = narrowVideoIds(filters.videoIds, forced.video_ids ?? []);
  const anyOf = narrowAnyOf(filters.tags, forced.tags ?? []);
  const durations = narrowRange(
    { low: filters.minDuration, high: filters.maxDuration },
    { low: forced.min_duration, high: forced.max_duration },
    (value) => value,
  );
  const created = narrowRange(
    { low: filters.createdAfter || undefined, high: filters.createdBefore || undefined },
    { low: forced.created_after, high: forced.created_before },
    instantOf,
    upperInstantOf,
  );
  const impossible = ids.impossible || anyOf.impossible || durations.impossible || created.impossible;
  const tagsAll = union(filters.tagsAll, forced.tags_all ?? [], anyOf.alsoAll);
  const tagsNot = union(filters.tagsNot, forced.tags_not ?? []);
  return {
    videoIds: ids.videoIds,
    tags: anyOf.tags,
    tagsAll: impossible ? union(tagsAll, [NO_VIDEO_TAG]) : tagsAll,
    tagsNot: impossible ? union(tagsNot, [NO_VIDEO_TAG]) : tagsNot,
    minDuration: durations.low,
    maxDuration: durations.high,
    createdAfter: created.low ?? '',
    createdBefore: created.high ?? '',
  };
}

/**
 * Whether a stored job's filters keep it inside the token's (every job the token itself ran does),
 * so a token cannot read the results of its owner's wider searches.
 */
export function isWithinForcedFilters(filters: SearchFilters | undefined, forced: ForcedSearchFilters | null): boolean {
  if (!restrictsSearch(forced)) {
    return true;
  }
  const job: SearchFilters = filters ?? {
    videoIds: [],
    tags: [],
    tagsAll: [],
    tagsNot: [],
    createdAfter: '',
    createdBefore: '',
  };
  const forcedIds = forced.video_ids ?? [];
  const forcedTags = forced.tags ?? [];
  const checks = [
    forcedIds.length === 0 || (job.videoIds.length > 0 && job.videoIds.every((id) => forcedIds.includes(id))),
    forcedTags.length === 0 ||
      (job.tags.length > 0 && isSubset(job.tags, forcedTags)) ||
      job.tagsAll.some((tag) => includesTag(forcedTags, tag)),
    isSubset(forced.tags_all ?? [], job.tagsAll),
    isSubset(forced.tags_not ?? [], job.tagsNot),
    forced.min_duration === undefined || (job.minDuration !== undefined && job.minDuration >= forced.min_duration),
    forced.max_duration === undefined || (job.maxDuration !== undefined && job.maxDuration <= forced.max_duration),
    forced.created_after === undefined ||
      (job.createdAfter !== '' && instantOf(job.createdAfter) >= instantOf(forced.created_after)),
    forced.created_before === undefined ||
      (job.createdBefore !== '' && upperInstantOf(job.createdBefore) <= upperInstantOf(forced.created_before)),
  ];
  return checks.every(Boolean);
}

function narrowVideoIds(own: number[], forced: number[]): { videoIds: number[]; impossible: boolean } {
  if (forced.length === 0) {
    return { videoIds: own, impossible: false };
  }
  const allowed = [...new Set(forced)];
  if (own.length === 0) {
    return { videoIds: allowed, impossible: false };
  }
  const both = own.filter((id) => allowed.includes(id));
  // The token's ids stay even then, so that the request is still confined to them.
  return both.length > 0 ? { videoIds: both, impossible: false } : { videoIds: allowed, impossible: true };
}

/**
 * Two any-of sets as one any-of set plus all-of tags. Exact when one set holds the other or has a single
 * tag (any-of one tag is all-of it); otherwise their intersection, which satisfies both but may miss a
 * video that meets each set with a different tag.
 */
function narrowAnyOf(own: string[], forced: string[]): { tags: string[]; alsoAll: string[]; impossible: boolean } {
  if (forced.length === 0) {
    return { tags: own, alsoAll: [], impossible: false };
  }
  if (own.length === 0 || isSubset(forced, own)) {
    return { tags: forced, alsoAll: [], impossible: false };
  }
  if (isSubset(own, forced)) {
    return { tags: own, alsoAll: [], impossible: false };
  }
  if (own.length === 1) {
    return { tags: forced, alsoAll: own, impossible: false };
  }
  if (forced.length === 1) {
    return { tags: own, alsoAll: forced, impossible: false };
  }
  const both = own.filter((tag) => includesTag(forced, tag));
  return both.length > 0
    ? { tags: both, alsoAll: [], impossible: false }
    : { tags: forced, alsoAll: [], impossible: true };
}

interface Range<T> {
  low: T | undefined;
  high: T | undefined;
}

/**
 * The tighter bound of each side. A request whose own range is already empty keeps it, so the search
 * service refuses it with its usual message; one emptied only by the token's range matches nothing.
 */
function narrowRange<T>(
  own: Range<T>,
  forced: Range<T>,
  lowKey: (value: T) => number,
  highKey: (value: T) => number = lowKey,
): Range<T> & { impossible: boolean } {
  const low = pick(own.low, forced.low, lowKey, (a, b) => a >= b);
  const high = pick(own.high, forced.high, highKey, (a, b) => a <= b);
  const ownEmpty = own.low !== undefined && own.high !== undefined && lowKey(own.low) > highKey(own.high);
  const empty = low !== undefined && high !== undefined && lowKey(low) > highKey(high);
  if (empty && !ownEmpty) {
    return { low: forced.low, high: forced.high, impossible: true };
  }
  return { low, high, impossible: false };
}

function pick<T>(
  a: T | undefined,
  b: T | undefined,
  key: (value: T) => number,
  keepA: (a: number, b: number) => boolean,
) {
  if (a === undefined) {
    return b;
  }
  if (b === undefined) {
    return a;
  }
  return keepA(key(a), key(b)) ? a : b;
}

function instantOf(value: string): number {
  return Date.parse(value);
}

/** A bare date as an upper bound takes in that whole day, as the search service reads it. */
function upperInstantOf(value: string): number {
  return Date.parse(DATE_ONLY.test(value) ? `${value}${END_OF_DAY}` : value);
}

function includesTag(tags: readonly string[], tag: string): boolean {
  const wanted = tag.toLowerCase();
  return tags.some((candidate) => candidate.toLowerCase() === wanted);
}

function isSubset(subset: readonly string[], of: readonly string[]): boolean {
  return subset.every((tag) => includesTag(of, tag));
}

function union(...lists: readonly string[][]): string[] {
  const result: string[] = [];
  for (const tag of lists.flat()) {
    if (!includesTag(result, tag)) {
      result.push(tag);
    }
  }
  return result;
}
