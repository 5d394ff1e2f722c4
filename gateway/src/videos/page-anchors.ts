import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import type { VideoSortField } from './dto/video.dto';
import { VideoCountsRepository } from './video-counts.repository';
import { SortPosition, VideosRepository } from './videos.repository';

/** Rows between two anchors: the most a page read seeking from one has to skip. */
export const ANCHOR_SPACING = 100;
// Lists (owner and sort) whose anchors a gateway keeps; the least recently used go first.
const MAX_LISTS = 64;

/** Where to start reading for an ascending position: right after `after` (or at the start), skipping `skip` rows. */
export interface AnchoredStart {
  after?: SortPosition;
  skip: number;
}

interface Anchors {
  revision: number;
  /** positions[i] is the video at ascending position (i + 1) * ANCHOR_SPACING - 1. */
  positions: SortPosition[];
}

/**
 * Turns a page number deep into an owner's unfiltered list into an index seek plus a short skip,
 * instead of skipping half the index. One pass over the list's index records every ANCHOR_SPACING-th
 * position together with the owner's list revision; the anchors serve only requests that read that
 * same revision, so a write through any gateway retires them, and they are rebuilt on the next deep page.
 */
@Injectable()
export class PageAnchors {
  private readonly lists = new Map<string, Anchors>();
  private readonly loading = new Map<string, Promise<Anchors | null>>();

  constructor(
    private readonly videos: VideosRepository,
    private readonly counts: VideoCountsRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Null when the list changed while its anchors were being read: the caller then reads without them. */
  async seek(ownerId: number, sort: VideoSortField, revision: number, position: number): Promise<AnchoredStart | null> {
    const anchors = await this.anchors(ownerId, sort, revision);
    if (!anchors) {
      return null;
    }
    const block = Math.min(Math.floor(position / ANCHOR_SPACING), anchors.positions.length);
    return {
      after: block === 0 ? undefined : anchors.positions[block - 1],
      skip: position - block * ANCHOR_SPACING,
    };
  }

  private async anchors(ownerId: number, sort: VideoSortField, revision: number): Promise<Anchors | null> {
    const key = `${ownerId}:${sort}`;
    const cached = this.lists.get(key);
    if (cached?.revision === revision) {
      this.remember(key, cached);
      return cached;
    }
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.load(ownerId, sort).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    const loaded = await loading;
    if (loaded) {
      this.remember(key, loaded);
    }
    return loaded?.revision === revision ? loaded : null;
  }

  /**
   * Reads the anchors between two reads of the revision: equal revisions prove no write committed in
   * between. In a transaction, so that on SQLite (one shared connection) no write's uncommitted rows are seen.
   */
  private load(ownerId: number, sort: VideoSortField): Promise<Anchors | null> {
    return this.transactions.run(async (manager) => {
      const before = await this.counts.state(ownerId, manager);
      const positions = await this.videos.positionsEvery(manager, ownerId, sort, ANCHOR_SPACING);
      const after = await this.counts.state(ownerId, manager);
      return before.revision === after.revision ? { revision: before.revision, positions } : null;
    });
  }

  private remember(key: string, anchors: Anchors): void {
    this.lists.delete(key);
    this.lists.set(key, anchors);
    if (this.lists.size > MAX_LISTS) {
      this.lists.delete(this.lists.keys().next().value as string);
    }
  }
}
