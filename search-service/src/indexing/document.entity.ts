import { bigintAsNumber, jsonText } from '@search/database/column-transformers';
import type { EngineCue } from '@search/engine/search-engine';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The index's durable copy of one video, or its tombstone once deleted. */
@Entity('documents')
export class DocumentEntity {
  @PrimaryColumn({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @PrimaryColumn({ name: 'video_id', type: 'integer' })
  videoId: number;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  version: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', transformer: jsonText<string[]>() })
  tags: string[];

  @Column({ type: 'integer' })
  duration: number;

  /** The video's creation time, ISO 8601 UTC; null on tombstones and on rows indexed before it was kept. */
  @Column({ name: 'created_at', type: 'varchar', length: 32, nullable: true })
  createdAt: string | null;

  /** The video's caption cues in time order; null when it has none (and on tombstones). */
  @Column({ type: 'text', nullable: true, transformer: jsonText<EngineCue[]>() })
  captions: EngineCue[] | null;

  /** BCP 47 tag of the captions' language; null when unknown or without captions. */
  @Column({ name: 'captions_language', type: 'varchar', length: 35, nullable: true })
  captionsLanguage: string | null;

  /** A tombstone keeps the version of its delete, so a late, older upsert cannot bring the video back. */
  @Column({ type: 'boolean' })
  deleted: boolean;

  @Column({ name: 'reindex_id', type: 'varchar', length: 64, nullable: true })
  reindexId: string | null;

  /** ISO 8601 UTC (portable across both drivers and ordered lexicographically). */
  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;
}
