import { InMemorySearchEngine } from './in-memory-search-engine';
import { SearchEngine } from './search-engine';

export { DEFAULT_ENGINE_SETTINGS } from './analysis/query-settings';
export * from './search-engine';

/** The engine the search service and the benchmark both use. */
export function createSearchEngine(): SearchEngine {
  return new InMemorySearchEngine();
}
