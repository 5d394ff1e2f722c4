import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';

/** Arbitrary but fixed: the PostgreSQL advisory lock that elects the one relay draining the outbox. */
const RELAY_LOCK_KEY = 0x6f7574626f78;

/** What the relay needs beyond OutboxRepository: head-of-line reads and the cross-replica lease. */
@Injectable()
export class OutboxRelayRepository {
  constructor(
    @InjectRepository(OutboxEvent) private readonly events: Repository<OutboxEvent>,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * The oldest undelivered events, due or not. The relay keeps its own backoff; reading past an
   * event whose retry is not due yet would send a video's later change before its earlier one.
   */
  nextBatch(limit: number): Promise<OutboxEvent[]> {
    return this.events.find({ where: { deliveredAt: IsNull() }, order: { id: 'ASC' }, take: limit });
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
