import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ImportStatus = 'queued' | 'processing' | 'indexing' | 'completed' | 'failed';
export type ImportFormat = 'ndjson' | 'csv';

export interface ImportRowError {
  row: number;
  message: string;
}

@Entity({ name: 'video_imports' })
export class VideoImport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the request body, set once the body is fully received; a replay must match it. */
  @Column({ name: 'body_hash', type: 'varchar', length: 64, nullable: true })
  bodyHash: string | null;

  @Column({ type: 'varchar', length: 8 })
  format: ImportFormat;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  done: number;

  @Column({ type: 'integer', default: 0 })
  failed: number;

  /** JSON array of every ImportRowError. */
  @Column({ type: 'text' })
  errors: string;

  @Column({ name: 'errors_total', type: 'integer', default: 0 })
  errorsTotal: number;

  @Column({ name: 'first_outbox_id', type: 'integer', nullable: true })
  firstOutboxId: number | null;

  @Column({ name: 'last_outbox_id', type: 'integer', nullable: true })
  lastOutboxId: number | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'started_at', type: Date, nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: Date, nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'searchable_at', type: Date, nullable: true })
  searchableAt: Date | null;
}
