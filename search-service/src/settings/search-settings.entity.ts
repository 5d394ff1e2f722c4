import { jsonText } from '@search/database/column-transformers';
import type { EngineSettings } from '@search/engine/search-engine';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One owner's saved search settings; an owner without a row uses the defaults. */
@Entity('search_settings')
@Index('idx_search_settings_updated', ['updatedAt'])
export class SearchSettingsEntity {
  @PrimaryColumn({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  /** Complete (validated, defaults filled in) as the engine takes them. */
  @Column({ type: 'text', transformer: jsonText<EngineSettings>() })
  settings: EngineSettings;

  /** Raised by one on every update of the row, so replicas keep the newest whatever their clocks say. */
  @Column({ type: 'integer' })
  version: number;

  /** ISO 8601 UTC. */
  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;
}
