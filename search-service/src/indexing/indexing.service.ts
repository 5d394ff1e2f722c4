import { Inject, Injectable } from '@nestjs/common';
import type { IndexAck, IndexStats } from '@proto/gen/ts/videosearch/search/v1/index';
import { SearchException } from '@search/common/search.exception';
import type { SearchEngine } from '@search/engine/search-engine';
import { SEARCH_ENGINE } from '@search/search-engine/search-engine.token';
import type { EntityManager } from 'typeorm';
import { AppliedRows } from './applied-rows';
import { DocumentsRepository } from './documents.repository';
import { IndexChange, IndexPlan, planIndexChanges, removeFromEngine } from './index-plan';
import { WriteSerializer } from './write-serializer';

export interface ReindexBatch {
  ownerId: number;
  reindexId: string;
  changes: IndexChange[];
  lastBatch: boolean;
}

@Injectable()
export class IndexingService {
  constructor(
    private readonly documents: DocumentsRepository,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly serializer: WriteSerializer,
    private readonly applied: AppliedRows,
  ) {}

  apply(changes: IndexChange[]): Promise<IndexAck> {
    return this.serializer.run(() => this.persistThenIndex(changes, null));
  }

  reindex(batch: ReindexBatch): Promise<IndexAck> {
    if (batch.ownerId <= 0) {
      throw SearchException.invalidArgument('owner_id must be positive');
    }
    if (batch.reindexId.trim() === '') {
      throw SearchException.invalidArgument('reindex_id is required');
    }
    if (batch.changes.some((change) => change.kind === 'upsert' && change.document.ownerId !== batch.ownerId)) {
      throw SearchException.invalidArgument('every video of a reindex must belong to its owner_id');
    }
    return this.serializer.run(() => this.persistThenIndex(batch.changes, batch));
  }

  async stats(ownerId: number): Promise<IndexStats> {
    if (ownerId < 0) {
      throw SearchException.invalidArgument('owner_id must not be negative');
    }
    const engineStats = this.engine.stats(ownerId > 0 ? ownerId : undefined);
    return {
      documents: engineStats.documents,
      owners: engineStats.owners,
      vocabularySize: engineStats.vocabularySize,
      memoryBytes: process.memoryUsage().heapUsed,
      lastUpdatedAt: (await this.documents.lastUpdatedAt(ownerId)) ?? '',
    };
  }

  /** The database is the source of truth: the engine only sees a batch once its transaction has committed. */
  private async persistThenIndex(changes: IndexChange[], reindex: ReindexBatch | null): Promise<IndexAck> {
    const now = new Date().toISOString();
    const plan = await this.documents.transaction(async (manager) => {
      const keys = changes.map((change) =>
        change.kind === 'upsert' ? change.document : { ownerId: change.ownerId, videoId: change.videoId },
      );
      const held = await this.documents.findHeld(manager, keys);
      const batchPlan = planIndexChanges(held, changes, now, reindex?.reindexId ?? null);
      await this.documents.save(manager, batchPlan.rows);
      if (reindex?.lastBatch) {
        await this.removeNotReindexed(manager, reindex, now, batchPlan);
      }
      return batchPlan;
    });
    this.applyToEngine(plan);
    if (this.documents.isShared) {
      this.applied.note(plan.rows);
    }
    return { applied: plan.applied, skipped: plan.skipped };
  }

  private async removeNotReindexed(
    manager: EntityManager,
    reindex: ReindexBatch,
    now: string,
    plan: IndexPlan,
  ): Promise<void> {
    const startedAt = await this.documents.reindexStartedAt(manager, reindex.ownerId, reindex.reindexId, now);
    const stale = await this.documents.findNotReindexed(manager, reindex.ownerId, reindex.reindexId, startedAt);
    const tombstones = stale.map((row) => ({
      ...row,
      title: '',
      description: '',
      tags: [],
      duration: 0,
      createdAt: null,
      deleted: true,
      updatedAt: now,
    }));
    await this.documents.save(manager, tombstones);
    plan.rows.push(...tombstones);
    plan.applied += tombstones.length;
    plan.engineRemovals.push(...tombstones.map(({ ownerId, videoId }) => ({ ownerId, videoId })));
  }

  private applyToEngine(plan: IndexPlan): void {
    if (plan.engineUpserts.length > 0) {
      this.engine.upsert(plan.engineUpserts);
    }
    removeFromEngine(this.engine, plan.engineRemovals);
  }
}
