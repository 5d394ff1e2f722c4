import { createSearchEngine, EngineQuery, SearchEngine } from '@search/engine';
import { BenchDocument } from '../corpus';
import { BenchAdapter, SearchVariant, TOP_K } from './bench-adapter';

const OWNER = 1;
const BATCH = 1000;
const VARIANT_OPTIONS: Record<SearchVariant, Partial<EngineQuery>> = {
  plain: {},
  facets: { facets: ['tags', 'duration'] },
  sort: { sort: [{ field: 'duration', direction: 'asc' }] },
  explain: { explain: true },
};

/** The search service's engine, through the same factory its gRPC handler uses, default algorithm. */
export class OursAdapter implements BenchAdapter {
  readonly name = 'ours';
  readonly version = 'search-service engine (auto)';
  private readonly engine: SearchEngine = createSearchEngine();

  build(documents: BenchDocument[]): void {
    for (let start = 0; start < documents.length; start += BATCH) {
      this.engine.upsert(
        documents.slice(start, start + BATCH).map((document) => ({
          ownerId: OWNER,
          videoId: document.id,
          title: document.title,
          description: document.description,
          tags: document.tags,
          duration: document.duration,
        })),
      );
    }
  }

  search(text: string): number[] {
    return this.engine.search({ ownerId: OWNER, text, limit: TOP_K }).hits.map((hit) => hit.videoId);
  }

  searchVariant(text: string, variant: SearchVariant): number[] {
    return this.engine
      .search({ ownerId: OWNER, text, limit: TOP_K, ...VARIANT_OPTIONS[variant] })
      .hits.map((hit) => hit.videoId);
  }
}
