import type { EngineSettings, SearchEngine } from '@search/engine/search-engine';
import type { NewJob } from './job-request.validator';
import type { StoredFacetDistribution, StoredFilters, StoredHighlight, StoredResult } from './search-job.entity';

/** A job's question: a new one, or a stored one (which may predate the highlight options). */
export type SearchInput = Omit<NewJob, 'highlight'> & { highlight: StoredHighlight | null };

export interface SearchOutcome {
  results: StoredResult[];
  /** Every match after the filters, not only the returned page. */
  estimatedTotalHits: number;
  /** Null when the job asked for no facet. */
  facetDistribution: StoredFacetDistribution | null;
}

export const NO_FILTERS: Readonly<StoredFilters> = Object.freeze({ videoIds: [], tags: [] });

/** A question of words, algorithm and filters alone, asked for its matches rather than for a page to show. */
export function plainQuestion(
  ownerId: number,
  query: string,
  limit: number,
  algorithm = '',
  filters: StoredFilters = NO_FILTERS,
): SearchInput {
  return {
    ownerId,
    query,
    queryKey: '',
    algorithm,
    filters,
    limit,
    offset: 0,
    facets: [],
    sort: [],
    highlight: null,
    explain: false,
  };
}

function nonEmpty<T>(values: T[] | undefined): T[] | undefined {
  return values !== undefined && values.length > 0 ? values : undefined;
}

/**
 * Asks the engine a job's question with the owner's current settings (undefined: the engine's defaults); throws
 * what the engine throws. Jobs written before the newer options existed run with their defaults.
 */
export function runSearch(engine: SearchEngine, job: SearchInput, settings?: EngineSettings): SearchOutcome {
  const { filters } = job;
  const answer = engine.search({
    ownerId: job.ownerId,
    text: job.query,
    algorithm: job.algorithm,
    videoIds: nonEmpty(filters.videoIds),
    minDuration: filters.minDuration,
    maxDuration: filters.maxDuration,
    tags: nonEmpty(filters.tags),
    tagsAll: nonEmpty(filters.tagsAll),
    tagsNot: nonEmpty(filters.tagsNot),
    createdAfter: filters.createdAfter,
    createdBefore: filters.createdBefore,
    limit: job.limit,
    offset: job.offset,
    facets: nonEmpty(job.facets),
    sort: nonEmpty(job.sort),
    highlightPreTag: job.highlight?.preTag,
    highlightPostTag: job.highlight?.postTag,
    cropLength: job.highlight?.cropLength,
    settings,
    explain: job.explain,
  });
  return {
    results: answer.hits.map((hit) => ({
      videoId: hit.videoId,
      title: hit.title,
      relevanceScore: hit.score,
      matchedText: hit.matchedText,
      matchedFields: hit.matchedFields,
      highlights: hit.highlights,
      moments: hit.moments,
      ...(hit.explanation ? { explanation: hit.explanation } : {}),
    })),
    estimatedTotalHits: answer.totalHits,
    facetDistribution: nonEmpty(job.facets) ? answer.facetDistribution : null,
  };
}
