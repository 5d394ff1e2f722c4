import { jsonText } from '@search/database/column-transformers';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { PinMode, PinScore } from './pin-scorer';

/** A query whose expected results an owner pinned: the relevance gate of their settings changes. */
@Entity('search_pins')
@Index('idx_search_pins_owner_created', ['ownerId', 'createdAt'])
export class PinEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  @Column({ type: 'text' })
  query: string;

  @Column({ name: 'expected_video_ids', type: 'text', transformer: jsonText<number[]>() })
  expectedVideoIds: number[];

  @Column({ type: 'varchar', length: 8 })
  mode: PinMode;

  /** ISO 8601 UTC. */
  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  /** The score of the last recorded check: the "before" of the next check without candidate settings. */
  @Column({ name: 'last_score', type: 'text', nullable: true, transformer: jsonText<PinScore>() })
  lastScore: PinScore | null;
}
