import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { databaseConfig, type DatabaseConfig } from '@search/config/database.config';
import { indexingConfig, type IndexingConfig } from '@search/config/indexing.config';
import { InvalidSnapshotError, type SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DocumentsRepository } from './documents.repository';
import { IndexFollowerService } from './index-follower.service';
import { applyRows } from './index-plan';
import { decodeSnapshot, encodeSnapshot, SnapshotFile, writeFileAtomically } from './index-snapshot-file';
import { WriteSerializer } from './write-serializer';

export const SNAPSHOT_FILE_NAME = 'search-index.snapshot';

export interface RestoredIndex {
  documents: number;
  /** Rows changed at or after the snapshot's mark, applied on top of it. */
  replayed: number;
  mark: string;
}

/**
 * Saves the in-memory index to `DATA_DIR` and restores it at start, so a restart replays the few rows changed since
 * the snapshot instead of re-analysing every document. The documents table stays the source of truth: the file
 * carries a mark before which every row is in it, every row stamped at or after the mark is replayed, and the result
 * is checked against the table's live-row count before it is trusted.
 */
@Injectable()
export class IndexSnapshotService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IndexSnapshotService.name);
  private readonly path: string;
  private timer: NodeJS.Timeout | null = null;
  /** Newest `updated_at` the file on disk already reflects; null when there is no such file or it is behind. */
  private savedLatest: { latest: string | null } | null = null;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(indexingConfig.KEY) private readonly config: IndexingConfig,
    @Inject(databaseConfig.KEY) database: DatabaseConfig,
    private readonly documents: DocumentsRepository,
    private readonly follower: IndexFollowerService,
    private readonly serializer: WriteSerializer,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {
    this.path = join(database.dataDir, SNAPSHOT_FILE_NAME);
  }

  onApplicationBootstrap(): void {
    if (this.config.snapshotIntervalMs === 0) {
      return;
    }
    this.timer = setInterval(() => {
      this.save().catch((error: unknown) => {
        this.logger.error('Writing the index snapshot failed', error instanceof Error ? error.stack : error);
      });
    }, this.config.snapshotIntervalMs);
    this.timer.unref();
  }

  /** Runs while the database is still open; index writes that land after it are replayed from the mark. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    try {
      await this.save();
    } catch (error: unknown) {
      this.logger.error('Writing the index snapshot at shutdown failed', error instanceof Error ? error.stack : error);
    }
  }

  /**
   * Loads the snapshot into the (empty) engine and replays what changed since. Resolves null, with the engine left
   * as it was, when there is no usable snapshot: the caller then loads every document instead.
   */
  async restore(): Promise<RestoredIndex | null> {
    const file = await this.read();
    if (!file) {
      return null;
    }
    const previous = this.engine.snapshot();
    try {
      this.engine.restore(file.engine);
    } catch (error: unknown) {
      if (error instanceof InvalidSnapshotError) {
        this.logger.warn(`Ignoring the index snapshot at ${this.path}: ${error.message}`);
        return null;
      }
      throw error;
    }
    try {
      const { rows, live } = await this.documents.changesWithLiveCount(file.header.mark);
      applyRows(this.engine, rows);
      const documents = this.engine.stats().documents;
      if (documents !== live) {
        this.logger.warn(
          `Ignoring the index snapshot at ${this.path}: it restores ${documents} documents but the table holds ${live}`,
        );
        this.engine.restore(previous);
        return null;
      }
      this.savedLatest = rows.length === 0 ? { latest: await this.documents.lastUpdatedAt(0) } : null;
      return { documents, replayed: rows.length, mark: file.header.mark };
    } catch (error: unknown) {
      this.engine.restore(previous);
      throw error;
    }
  }

  /** Writes a snapshot unless the table has not changed since the last one; resolves whether it wrote. */
  save(): Promise<boolean> {
    const run = this.saving.then(() => this.saveNow());
    this.saving = run.catch(() => undefined);
    return run;
  }

  private async saveNow(): Promise<boolean> {
    const started = performance.now();
    // Taken between index writes, so the bytes hold every write this process committed before the mark.
    const captured = await this.serializer.run(async () => {
      const latest = await this.documents.lastUpdatedAt(0);
      if (this.savedLatest && this.savedLatest.latest === latest) {
        return null;
      }
      const takenAt = new Date();
      return { latest, takenAt: takenAt.toISOString(), mark: this.markAt(takenAt), engine: this.engine.snapshot() };
    });
    if (!captured) {
      return false;
    }
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomically(
      this.path,
      encodeSnapshot({ mark: captured.mark, takenAt: captured.takenAt }, captured.engine),
    );
    this.savedLatest = { latest: captured.latest };
    const elapsed = Math.round(performance.now() - started);
    this.logger.log(
      `Wrote the index snapshot (${captured.engine.length} bytes, replay from ${captured.mark}) to ${this.path} in ${elapsed} ms`,
    );
    return true;
  }

  /**
   * Rows are stamped before their transaction commits, so a row stamped just before the snapshot may commit just after
   * it; the mark steps back by the same overlap the follower uses. On a shared database, rows other replicas wrote
   * are in the engine only up to where the follower has read.
   */
  private markAt(takenAt: Date): string {
    const local = new Date(takenAt.getTime() - this.config.syncOverlapMs).toISOString();
    if (!this.documents.isShared) {
      return local;
    }
    const followed = this.follower.appliedBefore();
    return followed < local ? followed : local;
  }

  private async read(): Promise<SnapshotFile | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.logger.log(`No index snapshot at ${this.path}`);
      } else {
        this.logger.warn(`Ignoring the index snapshot at ${this.path}: ${(error as Error).message}`);
      }
      return null;
    }
    try {
      return decodeSnapshot(bytes);
    } catch (error: unknown) {
      if (error instanceof InvalidSnapshotError) {
        this.logger.warn(`Ignoring the index snapshot at ${this.path}: ${error.message}`);
        return null;
      }
      throw error;
    }
  }
}
