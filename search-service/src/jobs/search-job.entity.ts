import { jsonText } from '@search/database/column-transformers';
import type {
  EngineExplanation,
  EngineHighlights,
  EngineMoment,
  FacetName,
  SortCriterion,
} from '@search/engine/search-engine';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JobState } from './job-state';

/** Jobs written before the tag and date filters existed lack the optional arrays; readers default them. */
export interface StoredFilters {
  videoIds: number[];
  minDuration?: number;
  maxDuration?: number;
  /** Any-of. */
  tags: string[];
  /** All-of. */
  tagsAll?: string[];
  /** None-of. */
  tagsNot?: string[];
  /** Inclusive ISO 8601 bounds on the videos' created_at (canonical UTC form). */
  createdAfter?: string;
  createdBefore?: string;
}

export interface StoredResult {
  videoId: number;
  title: string;
  relevanceScore: number;
  matchedText: string;
  matchedFields: string[];
  /** Missing on jobs completed before highlights existed. */
  highlights?: EngineHighlights;
  /** Missing on jobs completed before captions were indexed. */
  moments?: EngineMoment[];
  /** Only on jobs that asked to explain. */
  explanation?: EngineExplanation;
}

/** Resolved highlight options (defaults filled in), kept so that a retried job renders its results the same way. */
export interface StoredHighlight {
  preTag: string;
  postTag: string;
  cropLength: number;
}

export type StoredFacetDistribution = Partial<Record<FacetName, Record<string, number>>>;

/** Timestamps are ISO 8601 UTC strings: portable across both drivers and ordered lexicographically. */
@Entity('search_jobs')
@Index('idx_search_jobs_owner_created', ['ownerId', 'createdAt'])
@Index('idx_search_jobs_owner_query_key', ['ownerId', 'queryKey'])
@Index('idx_search_jobs_status_created', ['status', 'createdAt'])
export class SearchJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ type: 'text' })
  query: string;

  /** The query lower-cased with its spaces collapsed: what suggestions match a typed prefix against. */
  @Column({ name: 'query_key', type: 'text', default: '' })
  queryKey: string;

  @Column({ type: 'varchar', length: 64 })
  algorithm: string;

  @Column({ type: 'text', transformer: jsonText<StoredFilters>() })
  filters: StoredFilters;

  @Column({ name: 'limit', type: 'integer' })
  limit: number;

  @Column({ name: 'offset', type: 'integer', default: 0 })
  offset: number;

  /**
   * The migration gives older rows '[]'. No default here: TypeORM would read a column default back after an insert
   * on PostgreSQL and overwrite the inserted array with the raw, untransformed text.
   */
  @Column({ type: 'text', transformer: jsonText<FacetName[]>() })
  facets: FacetName[];

  /** Empty sorts by relevance; no default here, as for `facets`. */
  @Column({ type: 'text', transformer: jsonText<SortCriterion[]>() })
  sort: SortCriterion[];

  /** Null on jobs written before highlights existed (the engine's defaults apply). */
  @Column({ type: 'text', nullable: true, transformer: jsonText<StoredHighlight>() })
  highlight: StoredHighlight | null;

  /** Whether each result carries its explanation; kept so that a retried job explains too. */
  @Column({ type: 'boolean', default: false })
  explain: boolean;

  @Column({ type: 'varchar', length: 16 })
  status: JobState;

  @Column({ name: 'result_count', type: 'integer', default: 0 })
  resultCount: number;

  @Column({ type: 'text', nullable: true, transformer: jsonText<StoredResult[]>() })
  results: StoredResult[] | null;

  /** Every match of a completed job, not only the stored page. */
  @Column({ name: 'estimated_total_hits', type: 'integer', default: 0 })
  estimatedTotalHits: number;

  /** Per requested facet, over every match; null until completed or when no facet was asked. */
  @Column({
    name: 'facet_distribution',
    type: 'text',
    nullable: true,
    transformer: jsonText<StoredFacetDistribution>(),
  })
  facetDistribution: StoredFacetDistribution | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'started_at', type: 'varchar', length: 32, nullable: true })
  startedAt: string | null;

  @Column({ name: 'completed_at', type: 'varchar', length: 32, nullable: true })
  completedAt: string | null;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;

  @Column({ name: 'duration_ms', type: 'double precision', nullable: true })
  durationMs: number | null;

  /** Which process runs the job; with `attempts` it identifies one run, so a superseded run cannot write. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claimed_at', type: 'varchar', length: 32, nullable: true })
  claimedAt: string | null;
}
