import { TransactionRunner } from '@gateway/database/transaction-runner';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { OutboxEvent, OutboxEventType, RelayedEvent } from './outbox-event.entity';
import { OutboxRepository } from './outbox.repository';

interface RawRelayedEvent {
  id: number | string;
  type: OutboxEventType;
  owner_id: number | string;
  video_id: number | string;
  version: number | string;
  payload: string;
  attempts: number | string;
}

/** Arbitrary but fixed: the PostgreSQL advisory lock that elects the one relay draining the outbox. */
const RELAY_LOCK_KEY = 0x6f7574626f78;

/**
 * The relay's storage: head-of-line reads, delivery bookkeeping and the cross-replica lease. On SQLite
 * every access waits for the shared connection to be outside any transaction: a read in the middle of
 * a video transaction would otherwise see (and send) an outbox row that may still roll back.
 */
@Injectable()
export class OutboxRelayRepository {
  constructor(
    @InjectRepository(OutboxEvent) private readonly events: Repository<OutboxEvent>,
    private readonly outbox: OutboxRepository,
    private readonly transactions: TransactionRunner,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The oldest undelivered events, due or not, after `afterId` when the relay reads ahead of a batch in
   * flight. The relay keeps its own backoff; reading past an event whose retry is not due yet would send a
   * video's later change before its earlier one.
   */
  async nextBatch(limit: number, afterId = 0): Promise<RelayedEvent[]> {
    // Raw columns: building entities (three dates each) cost more than the read, on the thread the import shares.
    const read = (manager: EntityManager) =>
      manager
        .getRepository(OutboxEvent)
        .createQueryBuilder('e')
        .select(['e.id AS id', 'e.type AS type', 'e.owner_id AS owner_id', 'e.video_id AS video_id'])
        .addSelect(['e.version AS version', 'e.payload AS payload', 'e.attempts AS attempts'])
        .where('e.delivered_at IS NULL AND e.id > :afterId', { afterId })
        .orderBy('e.id', 'ASC')
        .limit(limit)
        .getRawMany<RawRelayedEvent>();
    const rows =
      this.dataSource.options.type === 'postgres'
        ? await this.dataSource.transaction(async (manager) => {
            // The partial index of undelivered events, walked in id order, stops after `limit` rows. While a burst
            // outgrows the table's statistics the planner takes the backlog for a few rows and reads all of it
            // (bitmap scan) to sort it instead: a cost that grew with the backlog, at every read of a drain.
            await manager.query("SELECT set_config('enable_bitmapscan', 'off', true)");
            return read(manager);
          })
        : await this.exclusive(() => read(this.events.manager));
    return rows.map((row) => ({
      id: Number(row.id),
      type: row.type,
      ownerId: Number(row.owner_id),
      videoId: Number(row.video_id),
      version: Number(row.version),
      payload: row.payload,
      attempts: Number(row.attempts),
    }));
  }

  markDelivered(ids: number[]): Promise<void> {
    return this.exclusive(() => this.outbox.markDelivered(ids));
  }

  /** Records the failed attempt (attempts, last_error) for operators; the relay's own backoff decides when to retry. */
  markFailed(events: Pick<OutboxEvent, 'id' | 'attempts'>[], error: string): Promise<void> {
    return this.exclusive(() => this.outbox.markFailed(events, error));
  }

  /** Deletes up to `limit` events delivered before `cutoff`, oldest first, and says how many went. */
  pruneDelivered(cutoff: Date, limit: number): Promise<number> {
    return this.exclusive(async () => {
      const oldest = this.events
        .createQueryBuilder('e')
        .select('e.id')
        .where('e.delivered_at IS NOT NULL AND e.delivered_at < :cutoff')
        .orderBy('e.id', 'ASC')
        .limit(limit);
      const result = await this.events
        .createQueryBuilder()
        .delete()
        .where(`id IN (${oldest.getQuery()})`)
        .setParameters({ cutoff })
        .execute();
      return result.affected ?? 0;
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.dataSource.options.type === 'better-sqlite3' ? this.transactions.run(() => work()) : work();
  }

  /**
   * Runs `work` as the only relay across gateway replicas, or returns `{ acquired: false }` at once
   * when another replica holds the lease. On PostgreSQL the lease is a session advisory lock on a
   * dedicated connection (released with it if the process dies); a SQLite file belongs to one
   * gateway process, whose relay is already single-flight.
   */
  async withLease<T>(work: () => Promise<T>): Promise<{ acquired: true; result: T } | { acquired: false }> {
    if (this.dataSource.options.type !== 'postgres') {
      return { acquired: true, result: await work() };
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        RELAY_LOCK_KEY,
      ])) as Array<{
        locked: boolean;
      }>;
      if (!locked) {
        return { acquired: false };
      }
      try {
        return { acquired: true, result: await work() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
