import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { queryNamed } from '../database/named-sql';
import { VideoCount } from './video-count.entity';

/** How many videos an owner has, and how many writes have changed the order of their lists or anything they show. */
export interface ListState {
  total: number;
  /** Goes up with every write that can move a video within a list order. */
  revision: number;
  /** Goes up with every write to any of the owner's videos. */
  contentRevision: number;
}

/** What a write did to an owner's lists: how many videos it added (negative: removed), and whether it reorders. */
export interface ListChange {
  added: number;
  reorders: boolean;
}

/**
 * Exact per-owner totals. Each change is one upsert inside the caller's transaction, so it commits or
 * rolls back with the video itself, and concurrent writers (other gateways included) add to the
 * stored figures instead of overwriting them.
 */
@Injectable()
export class VideoCountsRepository {
  constructor(@InjectRepository(VideoCount) private readonly counts: Repository<VideoCount>) {}

  async state(ownerId: number, manager: EntityManager = this.counts.manager): Promise<ListState> {
    const [row] = await queryNamed<
      Array<{ total: number | string; revision: number | string; content_revision: number | string }>
    >(manager, 'SELECT total, revision, content_revision FROM video_counts WHERE owner_id = :ownerId', { ownerId });
    return {
      total: Number(row?.total ?? 0),
      revision: Number(row?.revision ?? 0),
      contentRevision: Number(row?.content_revision ?? 0),
    };
  }

  /** Records a write to the owner's videos, inside that write's transaction. */
  async recordChange(manager: EntityManager, ownerId: number, change: ListChange): Promise<void> {
    await queryNamed(
      manager,
      'INSERT INTO video_counts (owner_id, total, revision, content_revision) VALUES (:ownerId, :added, :reorders, 1) ' +
        'ON CONFLICT (owner_id) DO UPDATE SET total = video_counts.total + excluded.total, ' +
        'revision = video_counts.revision + excluded.revision, content_revision = video_counts.content_revision + 1',
      { ownerId, added: change.added, reorders: change.reorders ? 1 : 0 },
    );
  }
}
