import { OwnerIndex } from '../index/owner-index';
import { EngineSearchResult, FacetName } from '../search-engine';
import { MatchSet } from './query-executor';

/** Seconds; each bucket holds durations from its lower bound (inclusive) to the next one (exclusive). */
export const DURATION_BUCKETS = ['0-60', '60-300', '300-1200', '1200+'] as const;

type FacetDistribution = EngineSearchResult['facetDistribution'];

/**
 * Counts the requested facets over every match (`index` may be missing only when there are none). Tags are
 * named as first given (tags differing only in case are one tag) and listed most frequent first; duration
 * always lists its four buckets.
 */
export function countFacets(
  index: OwnerIndex | undefined,
  matches: MatchSet,
  facets: ReadonlySet<FacetName>,
): FacetDistribution {
  const distribution: FacetDistribution = {};
  const counted = index && matches.count > 0 ? index : null;
  if (facets.has('tags')) {
    distribution.tags = counted ? tagCounts(counted, matches) : {};
  }
  if (facets.has('duration')) {
    distribution.duration = durationCounts(counted, matches);
  }
  return distribution;
}

function tagCounts(index: OwnerIndex, matches: MatchSet): Record<string, number> {
  const counted: Array<[string, number]> = [];
  index.countTags(matches.slots, matches.count, (tag, count) => counted.push([tag, count]));
  counted.sort(([tagA, countA], [tagB, countB]) => countB - countA || (tagA < tagB ? -1 : tagA > tagB ? 1 : 0));
  return Object.fromEntries(counted);
}

function durationCounts(index: OwnerIndex | null, matches: MatchSet): Record<string, number> {
  const buckets = [0, 0, 0, 0];
  if (index) {
    const slots = matches.slots;
    for (let i = 0; i < matches.count; i++) {
      const duration = index.duration(slots[i]);
      buckets[!(duration >= 60) ? 0 : duration < 300 ? 1 : duration < 1200 ? 2 : 3]++;
    }
  }
  return Object.fromEntries(DURATION_BUCKETS.map((bucket, at) => [bucket, buckets[at]]));
}
