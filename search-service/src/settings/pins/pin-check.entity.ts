import { jsonText } from '@search/database/column-transformers';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type PinCheckReason = 'settings' | 'manual' | 'reindex' | 'import';
export type PinCheckOutcome = 'passed' | 'refused' | 'forced' | 'regressed';

export interface PinCheckFigures {
  mrr: number;
  recall: number;
  pins: number;
  regressions: number;
}

/** One recorded check of an owner's pins: their health over time. */
@Entity('search_pin_checks')
@Index('idx_search_pin_checks_owner_checked', ['ownerId', 'checkedAt'])
export class PinCheckEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  /** ISO 8601 UTC. */
  @Column({ name: 'checked_at', type: 'varchar', length: 32 })
  checkedAt: string;

  @Column({ type: 'varchar', length: 16 })
  reason: PinCheckReason;

  @Column({ type: 'varchar', length: 16 })
  outcome: PinCheckOutcome;

  /** JSON rather than float columns, which SQLite and PostgreSQL type differently. */
  @Column({ type: 'text', transformer: jsonText<PinCheckFigures>() })
  figures: PinCheckFigures;
}
