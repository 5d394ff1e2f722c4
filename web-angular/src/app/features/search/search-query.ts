import { FacetDistribution, InstantSearchQuery } from '../../core/api/search.types';

export const PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 500;

/** The API's fixed duration buckets; `min`/`max` are the inclusive whole-second filter bounds of each. */
export const DURATION_BUCKETS = [
  { key: '0-60', label: 'Under 1 min', min: 0, max: 59 },
  { key: '60-300', label: '1 – 5 min', min: 60, max: 299 },
  { key: '300-1200', label: '5 – 20 min', min: 300, max: 1199 },
  { key: '1200+', label: 'Over 20 min', min: 1200, max: null },
] as const;

export type DurationBucket = (typeof DURATION_BUCKETS)[number]['key'];

export const SORT_OPTIONS = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'duration:asc', label: 'Shortest first' },
  { value: 'duration:desc', label: 'Longest first' },
  { value: 'created_at:desc', label: 'Newest first' },
  { value: 'created_at:asc', label: 'Oldest first' },
  { value: 'title:asc', label: 'Title A – Z' },
] as const;

export type SortValue = (typeof SORT_OPTIONS)[number]['value'];

/** Everything the page's controls decide about one search. */
export interface SearchCriteria {
  q: string;
  /** Refinements: every selected tag must be present (`tags_all`), so the counts beside them stay exact. */
  tags: readonly string[];
  duration: DurationBucket | null;
  sort: SortValue;
  offset: number;
  /** Every result then carries why it scored what it did. */
  explain?: boolean;
}

export const EMPTY_CRITERIA: SearchCriteria = { q: '', tags: [], duration: null, sort: 'relevance', offset: 0 };

/** Query parameters of `GET /users/:id/search`; blank options are left out so the API applies its defaults. */
export function toInstantQuery(criteria: SearchCriteria, limit = PAGE_SIZE): InstantSearchQuery {
  const query: InstantSearchQuery = { q: criteria.q.trim(), limit, facets: ['tags', 'duration'] };
  if (criteria.offset > 0) {
    query.offset = criteria.offset;
  }
  if (criteria.sort !== 'relevance') {
    query.sort = [criteria.sort];
  }
  if (criteria.tags.length > 0) {
    query.tags_all = [...criteria.tags];
  }
  if (criteria.explain) {
    query.explain = true;
  }
  const bucket = DURATION_BUCKETS.find((candidate) => candidate.key === criteria.duration);
  if (bucket) {
    query.min_duration = bucket.min;
    if (bucket.max !== null) {
      query.max_duration = bucket.max;
    }
  }
  return query;
}

export function hasFilters(criteria: SearchCriteria): boolean {
  return criteria.tags.length > 0 || criteria.duration !== null;
}

export function toggleTag(tags: readonly string[], tag: string): string[] {
  const key = tag.toLowerCase();
  return tags.some((selected) => selected.toLowerCase() === key)
    ? tags.filter((selected) => selected.toLowerCase() !== key)
    : [...tags, tag];
}

export interface TagFacet {
  tag: string;
  count: number;
  selected: boolean;
}

/** Tags by count (then name); selected tags always stay listed, even when this page of matches lacks them. */
export function tagFacets(distribution: FacetDistribution | undefined, selected: readonly string[], limit = 20) {
  const counts = distribution?.tags ?? {};
  const chosen = new Set(selected.map((tag) => tag.toLowerCase()));
  const facets: TagFacet[] = Object.entries(counts).map(([tag, count]) => ({
    tag,
    count,
    selected: chosen.has(tag.toLowerCase()),
  }));
  const listed = new Set(facets.map((facet) => facet.tag.toLowerCase()));
  for (const tag of selected) {
    if (!listed.has(tag.toLowerCase())) {
      facets.push({ tag, count: 0, selected: true });
    }
  }
  facets.sort((a, b) => Number(b.selected) - Number(a.selected) || b.count - a.count || a.tag.localeCompare(b.tag));
  const kept = facets.slice(0, Math.max(limit, selected.length));
  return kept;
}

export interface DurationFacet {
  key: DurationBucket;
  label: string;
  count: number;
}

export function durationFacets(distribution: FacetDistribution | undefined): DurationFacet[] {
  const counts = distribution?.duration ?? {};
  return DURATION_BUCKETS.map(({ key, label }) => ({ key, label, count: counts[key] ?? 0 }));
}

export interface PageInfo {
  /** 1-based positions of the first and last hit shown; 0 when none. */
  from: number;
  to: number;
  total: number;
  previousOffset: number | null;
  nextOffset: number | null;
}

export function pageInfo(offset: number, limit: number, shown: number, total: number): PageInfo {
  const from = shown > 0 ? offset + 1 : 0;
  const to = offset + shown;
  return {
    from,
    to,
    total: Math.max(total, to),
    previousOffset: offset > 0 ? Math.max(0, offset - limit) : null,
    nextOffset: to < total && shown === limit ? offset + limit : null,
  };
}
