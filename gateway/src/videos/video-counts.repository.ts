import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
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
    const row = await manager.findOne(VideoCount, { select: { total: true, revision: true }, where: { ownerId } });
    return { total: row?.total ?? 0, revision: row?.revision ?? 0 };
  }

  /** Records a write that adds `delta` videos; 0 for one that only moves a video within an order. */
  async recordChange(manager: EntityManager, ownerId: number, delta: number): Promise<void> {
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      'INSERT INTO video_counts (owner_id, total, revision) VALUES (:ownerId, :delta, 1) ' +
        'ON CONFLICT (owner_id) DO UPDATE SET total = video_counts.total + excluded.total, ' +
        'revision = video_counts.revision + 1',
      { ownerId, delta },
    );
    await manager.query(sql, parameters);
  }
}
