import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { indexingConfig, type IndexingConfig } from '@search/config/indexing.config';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import { AppliedRows } from './applied-rows';
import { DocumentsRepository } from './documents.repository';
import { applyRows } from './index-plan';
import { WriteSerializer } from './write-serializer';

/**
 * Keeps this replica's in-memory engine in step with writes that other replicas accepted into a shared
 * (PostgreSQL) database. Each poll re-reads an overlap window, because a transaction may commit after a later
 * one was already read and replica clocks drift a little; applying a row twice is harmless.
 * On a file database this process is the only writer, so there is nothing to follow.
 */
@Injectable()
export class IndexFollowerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IndexFollowerService.name);
  private timer: NodeJS.Timeout | null = null;
  private cursor = new Date().toISOString();

  constructor(
    @Inject(indexingConfig.KEY) private readonly config: IndexingConfig,
    private readonly documents: DocumentsRepository,
    private readonly serializer: WriteSerializer,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly applied: AppliedRows,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.documents.isShared) {
      return;
    }
    this.timer = setInterval(() => {
      this.serializer
        .run(() => this.catchUp())
        .catch((error: unknown) => {
          this.logger.error('Following index changes failed', error instanceof Error ? error.stack : error);
        });
    }, this.config.syncIntervalMs);
  }

  onApplicationShutdown(): void {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Applies every row written since the cursor (minus the overlap) that was not applied yet. */
  async catchUp(): Promise<number> {
    const startedAt = Date.now();
    const since = this.appliedBefore();
    const missing = (await this.documents.stampsSince(since)).filter((stamp) => !this.applied.isApplied(stamp));
    // A row may have moved on since its stamp was read; its newer state is as good to apply.
    const rows =
      missing.length === 0
        ? []
        : [...(await this.documents.findByKeys(missing)).values()].filter((row) => !this.applied.isApplied(row));
    applyRows(this.engine, rows);
    this.applied.note(rows);
    // The cursor moves by the stamps read in one statement, so no row stamped between them is passed over.
    const newest = missing.reduce((max, stamp) => (stamp.updatedAt > max ? stamp.updatedAt : max), this.cursor);
    const floor = new Date(startedAt - this.config.syncOverlapMs).toISOString();
    this.cursor = newest > floor ? newest : floor;
    this.applied.forgetBefore(this.appliedBefore());
    return rows.length;
  }

  /** Every row stamped before this has been applied (the next poll reads from here), given the overlap's bound. */
  appliedBefore(): string {
    return new Date(Date.parse(this.cursor) - this.config.syncOverlapMs).toISOString();
  }
}
