import type { SearchEngine } from '@search/engine/search-engine';
import type { NewJob } from './job-request.validator';
import type { StoredResult } from './search-job.entity';

/** Asks the engine a job's question; throws what the engine throws. */
export function runSearch(engine: SearchEngine, job: NewJob): StoredResult[] {
  const hits = engine.search({
    ownerId: job.ownerId,
    text: job.query,
    algorithm: job.algorithm,
    videoIds: job.filters.videoIds.length > 0 ? job.filters.videoIds : undefined,
    minDuration: job.filters.minDuration,
    maxDuration: job.filters.maxDuration,
    tags: job.filters.tags.length > 0 ? job.filters.tags : undefined,
    limit: job.limit,
  });
  return hits.map((hit) => ({
    videoId: hit.videoId,
    title: hit.title,
    relevanceScore: hit.score,
    matchedText: hit.matchedText,
    matchedFields: hit.matchedFields,
  }));
}
