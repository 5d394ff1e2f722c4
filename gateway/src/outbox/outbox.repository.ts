import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThanOrEqual, Raw, Repository } from 'typeorm';
import { nextAttemptDelayMs } from './outbox-backoff';
import { OutboxEvent, OutboxEventType } from './outbox-event.entity';

export interface NewOutboxEvent {
  type: OutboxEventType;
  ownerId: number;
  videoId: number;
  version: number;
  payload: object;
}

const MAX_ERROR_LENGTH = 2000;

@Injectable()
export class OutboxRepository {
  constructor(@InjectRepository(OutboxEvent) private readonly events: Repository<OutboxEvent>) {}

  /** Appends an event through the caller's transaction manager, so it commits or rolls back with the change. */
  async append(manager: EntityManager, event: NewOutboxEvent): Promise<void> {
    const now = new Date();
    await manager.insert(OutboxEvent, {
      type: event.type,
      ownerId: event.ownerId,
      videoId: event.videoId,
      version: event.version,
      payload: JSON.stringify(event.payload),
      createdAt: now,
      deliveredAt: null,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
    });
  }

  /** Undelivered events that are due, oldest first. */
  findPending(limit: number, now: Date = new Date()): Promise<OutboxEvent[]> {
    return this.events.find({
      where: { deliveredAt: IsNull(), nextAttemptAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take: limit,
    });
  }

  countPending(): Promise<number> {
    return this.events.countBy({ deliveredAt: IsNull() });
  }

  async markDelivered(ids: number[], at: Date = new Date()): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    // One array parameter on PostgreSQL: a batch's hundreds of ids as one value to bind and plan, not as many.
    const byId =
      this.events.manager.connection.options.type === 'postgres' ? Raw((id) => `${id} = ANY(:ids)`, { ids }) : In(ids);
    await this.events.update({ id: byId, deliveredAt: IsNull() }, { deliveredAt: at });
  }

  /** Records a failed attempt and schedules the next one with exponential backoff. */
  async markFailed(
    events: Pick<OutboxEvent, 'id' | 'attempts'>[],
    error: string,
    now: Date = new Date(),
  ): Promise<void> {
    const lastError = error.slice(0, MAX_ERROR_LENGTH);
    for (const event of events) {
      const attempts = event.attempts + 1;
      await this.events.update(
        { id: event.id, deliveredAt: IsNull() },
        { attempts, lastError, nextAttemptAt: new Date(now.getTime() + nextAttemptDelayMs(attempts)) },
      );
    }
  }
}
