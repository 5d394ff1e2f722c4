import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EngineSettings } from '@search/engine/search-engine';
import { DataSource, MoreThanOrEqual, Repository } from 'typeorm';
import { SearchSettingsEntity } from './search-settings.entity';

@Injectable()
export class SearchSettingsRepository {
  private readonly rows: Repository<SearchSettingsEntity>;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.rows = dataSource.getRepository(SearchSettingsEntity);
  }

  /** A file database belongs to one process; PostgreSQL may be shared by several replicas. */
  get isShared(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  findAll(): Promise<SearchSettingsEntity[]> {
    return this.rows.find();
  }

  find(ownerId: number): Promise<SearchSettingsEntity | null> {
    return this.rows.findOneBy({ ownerId });
  }

  changedSince(since: string): Promise<SearchSettingsEntity[]> {
    return this.rows.findBy({ updatedAt: MoreThanOrEqual(since) });
  }

  /** Inserts or replaces the owner's settings in one statement, raising the version; answers the stored row. */
  async save(ownerId: number, settings: EngineSettings, updatedAt: string): Promise<SearchSettingsEntity> {
    const placeholders = this.isShared ? ['$1', '$2', '$3'] : ['?', '?', '?'];
    const rows: Array<{ version: number | string }> = await this.dataSource.query(
      `INSERT INTO search_settings (owner_id, settings, version, updated_at) VALUES (${placeholders[0]}, ${placeholders[1]}, 1, ${placeholders[2]})
       ON CONFLICT (owner_id) DO UPDATE SET settings = excluded.settings, version = search_settings.version + 1,
         updated_at = excluded.updated_at
       RETURNING version`,
      [ownerId, JSON.stringify(settings), updatedAt],
    );
    return { ownerId, settings, version: Number(rows[0].version), updatedAt };
  }
}
