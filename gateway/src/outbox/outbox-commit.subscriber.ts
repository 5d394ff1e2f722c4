import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxRelayService } from './outbox-relay.service';

/**
 * Wakes the relay when a transaction that appended outbox events commits, never before: woken earlier, the
 * relay could read before the commit, find nothing and sleep a whole poll interval. Bulk imports write their
 * events with raw multi-row inserts, which pass no subscriber; their backlog drains batch after batch anyway.
 */
@Injectable()
export class OutboxCommitSubscriber implements EntitySubscriberInterface<OutboxEvent> {
  /** Transactions (by their query runner) that appended at least one event and have not ended yet. */
  private readonly appending = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly relay: OutboxRelayService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof OutboxEvent {
    return OutboxEvent;
  }

  afterInsert(event: InsertEvent<OutboxEvent>): void {
    if (event.queryRunner.isTransactionActive) {
      this.appending.add(event.queryRunner);
    } else {
      this.relay.wake();
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (this.appending.delete(event.queryRunner)) {
      this.relay.wake();
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.appending.delete(event.queryRunner);
  }
}
