import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs units of work in a database transaction. better-sqlite3 has a single connection that
 * TypeORM shares between callers, so two interleaved transactions would nest into each other;
 * on SQLite they are therefore queued one after another. PostgreSQL gets a pooled connection each.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return this.dataSource.transaction(work);
    }
    const result = this.queue.then(() => this.dataSource.transaction(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs reads that must agree with each other on one snapshot. PostgreSQL's default isolation
   * (read committed) gives each statement its own snapshot, so two reads could straddle another
   * transaction's commit; repeatable read pins one. SQLite's transactions are serialisable already.
   */
  snapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dataSource.options.type !== 'better-sqlite3') {
      return this.dataSource.transaction('REPEATABLE READ', work);
    }
    return this.run(work);
  }
}
