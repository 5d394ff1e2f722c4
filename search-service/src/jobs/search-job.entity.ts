import { jsonText } from '@search/database/column-transformers';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JobState } from './job-state';

export interface StoredFilters {
  videoIds: number[];
  minDuration?: number;
  maxDuration?: number;
  tags: string[];
}

export interface StoredResult {
  videoId: number;
  title: string;
  relevanceScore: number;
  matchedText: string;
  matchedFields: string[];
}

/** Timestamps are ISO 8601 UTC strings: portable across both drivers and ordered lexicographically. */
@Entity('search_jobs')
@Index('idx_search_jobs_owner_created', ['ownerId', 'createdAt'])
@Index('idx_search_jobs_status_created', ['status', 'createdAt'])
export class SearchJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ type: 'text' })
  query: string;

  @Column({ type: 'varchar', length: 64 })
  algorithm: string;

  @Column({ type: 'text', transformer: jsonText<StoredFilters>() })
  filters: StoredFilters;

  @Column({ name: 'limit', type: 'integer' })
  limit: number;

  @Column({ type: 'varchar', length: 16 })
  status: JobState;

  @Column({ name: 'result_count', type: 'integer', default: 0 })
  resultCount: number;

  @Column({ type: 'text', nullable: true, transformer: jsonText<StoredResult[]>() })
  results: StoredResult[] | null;

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
