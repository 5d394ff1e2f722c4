import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { DocumentEntity } from './document.entity';
import { DocumentKey, documentKey, videoIdsByOwner } from './index-plan';

export type RowStamp = Pick<DocumentEntity, 'ownerId' | 'videoId' | 'version' | 'updatedAt'>;

const LOAD_PAGE_SIZE = 5000;
/** Keeps the IN lists of one lookup well under SQLite's bound-parameter limit. */
const LOOKUP_CHUNK = 500;
/** SQLite binds at most 32,766 parameters a statement and PostgreSQL 65,535. */
const MAX_PARAMETERS = 30_000;
/** Rows a PostgreSQL statement upserts from its column arrays: bounds the statement, not its parameters. */
const MAX_ROWS_PER_ARRAY_STATEMENT = 5000;

@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Held rows for the given keys; on PostgreSQL they are locked so concurrent replicas serialise per video. */
  findHeld(manager: EntityManager, keys: DocumentKey[]): Promise<Map<string, DocumentEntity>> {
    return this.findByKeys(keys, manager, manager.connection.options.type === 'postgres');
  }

  /** The rows for the given keys, by key; `lock` takes their row locks for the caller's transaction. */
  async findByKeys(
    keys: DocumentKey[],
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Map<string, DocumentEntity>> {
    const held = new Map<string, DocumentEntity>();
    const postgres = manager.connection.options.type === 'postgres';
    for (const [ownerId, videoIds] of videoIdsByOwner(keys)) {
      for (let start = 0; start < videoIds.length; start += LOOKUP_CHUNK) {
        if (postgres) {
          for (const row of await this.findEachByKey(
            manager,
            ownerId,
            videoIds.slice(start, start + LOOKUP_CHUNK),
            lock,
          )) {
            held.set(documentKey(row.ownerId, row.videoId), row);
          }
          continue;
        }
        const query = manager
          .getRepository(DocumentEntity)
          .createQueryBuilder('d')
          .where('d.owner_id = :ownerId', { ownerId })
          .andWhere('d.video_id IN (:...videoIds)', { videoIds: videoIds.slice(start, start + LOOKUP_CHUNK) });
        if (lock) {
          query.setLock('pessimistic_write');
        }
        for (const row of await query.getMany()) {
          held.set(documentKey(row.ownerId, row.videoId), row);
        }
      }
    }
    return held;
  }

  /**
   * One primary-key lookup per video (a lateral join over the ids), rows hydrated as TypeORM reads them. Given
   * `owner_id = $1 AND video_id IN (...)`, a planner whose statistics predate a bulk import (a table never analysed
   * yet, an owner's first videos) expects a few rows for the owner, reads all of them and filters by video: every
   * batch of an import then read the owner's whole index so far, 14 ms a batch at 50,000 documents.
   */
  private async findEachByKey(
    manager: EntityManager,
    ownerId: number,
    videoIds: number[],
    lock: boolean,
  ): Promise<DocumentEntity[]> {
    const { driver } = manager.connection;
    const metadata = manager.connection.getMetadata(DocumentEntity);
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT d.* FROM unnest($2::integer[]) AS k(video_id) CROSS JOIN LATERAL (SELECT * FROM ` +
        `${driver.escape(metadata.tablePath)} x WHERE x.owner_id = $1 AND x.video_id = k.video_id` +
        `${lock ? ' FOR UPDATE' : ''}) d`,
      [ownerId, videoIds],
    );
    return rows.map((raw) => {
      const entity = metadata.create() as DocumentEntity;
      for (const column of metadata.columns) {
        column.setEntityValue(entity, driver.prepareHydratedValue(raw[column.databaseName], column));
      }
      return entity;
    });
  }

  /**
   * Writes the rows as one multi-row upsert a chunk, from column arrays on PostgreSQL. Repository.save would first
   * read every row back to choose between insert and update, and its query builder copies the parameter map for each
   * value it binds; a bulk import sends hundreds of documents a call.
   */
  async save(manager: EntityManager, rows: DocumentEntity[]): Promise<void> {
    const { driver } = manager.connection;
    const metadata = manager.connection.getMetadata(DocumentEntity);
    const columns = metadata.columns;
    const keys = metadata.primaryColumns.map((column) => driver.escape(column.databaseName));
    const postgres = manager.connection.options.type === 'postgres';
    const rowsPerStatement = postgres ? MAX_ROWS_PER_ARRAY_STATEMENT : Math.floor(MAX_PARAMETERS / columns.length);
    const into =
      `INSERT INTO ${driver.escape(metadata.tablePath)} ` +
      `(${columns.map((column) => driver.escape(column.databaseName)).join(', ')})`;
    const updates = columns
      .filter((column) => !column.isPrimary)
      .map((column) => `${driver.escape(column.databaseName)} = excluded.${driver.escape(column.databaseName)}`);
    const conflict = `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
    const value = (row: DocumentEntity, column: (typeof columns)[number]): unknown =>
      driver.preparePersistentValue(column.getEntityValue(row), column);
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const chunk = rows.slice(start, start + rowsPerStatement);
      if (postgres) {
        // One array parameter per column: a handful of parameters and one small plan whatever the row count.
        const arrays = columns.map((column) => chunk.map((row) => value(row, column)));
        const casts = columns.map((column, i) => `$${i + 1}::${driver.normalizeType(column)}[]`);
        await manager.query(`${into} SELECT * FROM unnest(${casts.join(', ')}) ${conflict}`, arrays);
        continue;
      }
      const parameters: unknown[] = [];
      const tuples = chunk.map((row) => {
        const placeholders = columns.map((column) => {
          parameters.push(value(row, column));
          return '?';
        });
        return `(${placeholders.join(', ')})`;
      });
      await manager.query(`${into} VALUES ${tuples.join(', ')} ${conflict}`, parameters);
    }
  }

  /** When the reindex started: the earliest stamp it left, or now when it has sent nothing yet. */
  async reindexStartedAt(manager: EntityManager, ownerId: number, reindexId: string, now: string): Promise<string> {
    const row = await manager
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .select('MIN(d.updated_at)', 'startedAt')
      .where('d.owner_id = :ownerId AND d.reindex_id = :reindexId', { ownerId, reindexId })
      .getRawOne<{ startedAt: string | null }>();
    return row?.startedAt ?? now;
  }

  /**
   * Live documents of the owner that the reindex did not send and that nothing else wrote since it started:
   * an ordinary upsert that raced the reindex is newer than its snapshot and must survive.
   */
  findNotReindexed(
    manager: EntityManager,
    ownerId: number,
    reindexId: string,
    startedAt: string,
  ): Promise<DocumentEntity[]> {
    return manager
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.owner_id = :ownerId AND d.deleted = :deleted', { ownerId, deleted: false })
      .andWhere(
        new Brackets((q) => q.where('d.reindex_id IS NULL').orWhere('d.reindex_id <> :reindexId', { reindexId })),
      )
      .andWhere('d.updated_at < :startedAt', { startedAt })
      .getMany();
  }

  /** Live documents in key order, page by page, so a large index loads without one huge result set. */
  async *liveDocumentPages(): AsyncGenerator<DocumentEntity[]> {
    let after: { ownerId: number; videoId: number } | null = null;
    for (;;) {
      const query = this.dataSource
        .getRepository(DocumentEntity)
        .createQueryBuilder('d')
        .where('d.deleted = :deleted', { deleted: false })
        .orderBy('d.owner_id', 'ASC')
        .addOrderBy('d.video_id', 'ASC')
        .take(LOAD_PAGE_SIZE);
      if (after) {
        query.andWhere('(d.owner_id > :ownerId OR (d.owner_id = :ownerId AND d.video_id > :videoId))', after);
      }
      const page = await query.getMany();
      if (page.length === 0) {
        return;
      }
      yield page;
      const last = page[page.length - 1];
      after = { ownerId: last.ownerId, videoId: last.videoId };
    }
  }

  /** A file database belongs to one process; PostgreSQL may be shared by several replicas. */
  get isShared(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * Key, version and stamp of each row written at or after `since`, in no particular order, read without building
   * entities: the follower polls this every second over an overlap window and reads whole rows only for what it
   * lacks. It takes the newest stamp of them, so needs no sort: during a bulk import the window holds tens of
   * thousands of rows, which PostgreSQL sorted on disk at every poll.
   */
  async stampsSince(since: string): Promise<RowStamp[]> {
    const rows = await this.dataSource
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .select([
        'd.owner_id AS owner_id',
        'd.video_id AS video_id',
        'd.version AS version',
        'd.updated_at AS updated_at',
      ])
      .where('d.updated_at >= :since', { since })
      .getRawMany<{ owner_id: number; video_id: number; version: number | string; updated_at: string }>();
    return rows.map((row) => ({
      ownerId: Number(row.owner_id),
      videoId: Number(row.video_id),
      version: Number(row.version),
      updatedAt: row.updated_at,
    }));
  }

  /** Rows written at or after `since` (tombstones included), oldest first. */
  changedSince(since: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentEntity[]> {
    return manager
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.updated_at >= :since', { since })
      .orderBy('d.updated_at', 'ASC')
      .getMany();
  }

  /**
   * The rows changed since `since` and the number of live rows, read as one state of the table (a repeatable-read
   * transaction on PostgreSQL, where other replicas keep writing), so the two can be checked against each other.
   */
  changesWithLiveCount(since: string): Promise<{ rows: DocumentEntity[]; live: number }> {
    const read = async (manager: EntityManager): Promise<{ rows: DocumentEntity[]; live: number }> => ({
      rows: await this.changedSince(since, manager),
      live: await manager.getRepository(DocumentEntity).countBy({ deleted: false }),
    });
    return this.isShared ? this.dataSource.transaction('REPEATABLE READ', read) : this.dataSource.transaction(read);
  }

  async lastUpdatedAt(ownerId: number): Promise<string | null> {
    const query = this.dataSource
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .select('MAX(d.updated_at)', 'last');
    if (ownerId > 0) {
      query.where('d.owner_id = :ownerId', { ownerId });
    }
    const row = await query.getRawOne<{ last: string | null }>();
    return row?.last ?? null;
  }
}
