import type { DatabaseConfig } from '@search/config/database.config';
import { DocumentEntity } from '@search/indexing/document.entity';
import { SearchClickEntity } from '@search/jobs/search-click.entity';
import { SearchJobEntity } from '@search/jobs/search-job.entity';
import { PinCheckEntity } from '@search/settings/pins/pin-check.entity';
import { PinEntity } from '@search/settings/pins/pin.entity';
import { SearchSettingsEntity } from '@search/settings/search-settings.entity';
import { mkdirSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import { CreateSearchTables1764150000000 } from './migrations/1764150000000-CreateSearchTables';
import { AddDocumentCreatedAt1764950000000 } from './migrations/1764950000000-AddDocumentCreatedAt';
import { AddSearchOptionsSettingsClicks1764960000000 } from './migrations/1764960000000-AddSearchOptionsSettingsClicks';
import { IndexDocumentsUpdatedAt1765100000000 } from './migrations/1765100000000-IndexDocumentsUpdatedAt';
import { AddDocumentCaptions1765300000000 } from './migrations/1765300000000-AddDocumentCaptions';
import { AddSearchJobExplain1765400000000 } from './migrations/1765400000000-AddSearchJobExplain';
import { CreateSearchPins1765500000000 } from './migrations/1765500000000-CreateSearchPins';

export const ENTITIES = [
  DocumentEntity,
  SearchJobEntity,
  SearchClickEntity,
  SearchSettingsEntity,
  PinEntity,
  PinCheckEntity,
];
export const MIGRATIONS = [
  CreateSearchTables1764150000000,
  AddDocumentCreatedAt1764950000000,
  AddSearchOptionsSettingsClicks1764960000000,
  IndexDocumentsUpdatedAt1765100000000,
  AddDocumentCaptions1765300000000,
  AddSearchJobExplain1765400000000,
  CreateSearchPins1765500000000,
];

/** Busy timeout for SQLite writers: the file is shared with nothing else, but WAL checkpoints can briefly lock it. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function typeOrmOptions(config: DatabaseConfig): DataSourceOptions {
  // Migrations run right after connecting (see database.module), under a lock on PostgreSQL.
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false } as const;
  if (config.kind === 'postgres') {
    return { ...common, type: 'postgres', url: config.url };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.sqlitePath,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  };
}
