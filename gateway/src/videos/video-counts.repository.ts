import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { queryNamed } from '../database/named-sql';
import { VideoCount } from './video-count.entity';

/** How many videos an owner has, and how many writes have changed the order of their lists. */
export interface ListState {
  total: number;
  revision: number;
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
    const [row] = await queryNamed<Array<{ total: number | string; revision: number | string }>>(
      manager,
      'SELECT total, revision FROM video_counts WHERE owner_id = :ownerId',
      { ownerId },
    );
    return { total: Number(row?.total ?? 0), revision: Number(row?.revision ?? 0) };
  }

  /** Records a write that adds `delta` videos; 0 for one that only moves a video within an order. */
  async recordChange(manager: EntityManager, ownerId: number, delta: number): Promise<void> {
    await queryNamed(
      manager,
      'INSERT INTO video_counts (owner_id, total, revision) VALUES (:ownerId, :delta, 1) ' +
        'ON CONFLICT (owner_id) DO UPDATE SET total = video_counts.total + excluded.total, ' +
        'revision = video_counts.revision + 1',
      { ownerId, delta },
    );
  }
}
