import { TransactionRunner } from '@gateway/database/transaction-runner';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxRepository } from './outbox.repository';

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
  nextBatch(limit: number, afterId = 0): Promise<OutboxEvent[]> {
    return this.exclusive(() =>
      this.events.find({
        where: { deliveredAt: IsNull(), id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: limit,
      }),
    );
  }

  markDelivered(ids: number[]): Promise<void> {
    return this.exclusive(() => this.outbox.markDelivered(ids));
  }

  /** Records the failed attempt (attempts, last_error) for operators; the relay's own backoff decides when to retry. */
  markFailed(events: Pick<OutboxEvent, 'id' | 'attempts'>[], error: string): Promise<void> {
    return this.exclusive(() => this.outbox.markFailed(events, error));
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
