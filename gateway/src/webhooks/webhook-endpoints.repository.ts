import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { Repository } from 'typeorm';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { subscribedEvents } from './webhook-event.publisher';

/**
 * How long another gateway may go on answering an owner's subscribed types after an endpoint was added or
 * removed here. Nothing is lost meanwhile: every gateway publishes every job event (deduplicated per
 * endpoint), and the gateway that made the change has dropped its own entry at once.
 */
const SUBSCRIBED_TYPES_TTL_MS = 10_000;
const SUBSCRIBED_TYPES_MAX_OWNERS = 10_000;

@Injectable()
export class WebhookEndpointsRepository {
  /**
   * Every search's outcome asks whether its owner subscribed to it, and most owners have no endpoint: asking the
   * database each time (a transaction and an entity read) cost about 5% of the gateway's CPU under search load.
   */
  private readonly subscribedTypes = new LRUCache<number, ReadonlySet<string>>({
    max: SUBSCRIBED_TYPES_MAX_OWNERS,
    ttl: SUBSCRIBED_TYPES_TTL_MS,
  });
  /** Bumped by every write, so a read that raced one does not cache what it saw before it. */
  private writes = 0;

  constructor(@InjectRepository(WebhookEndpoint) private readonly endpoints: Repository<WebhookEndpoint>) {}

  async create(row: Omit<WebhookEndpoint, 'id'>): Promise<WebhookEndpoint> {
    try {
      return await this.endpoints.save(this.endpoints.create(row));
    } finally {
      this.changed(row.ownerId);
    }
  }

  /** Whether any endpoint of the owner subscribes to the event type (at most SUBSCRIBED_TYPES_TTL_MS old). */
  async isSubscribed(ownerId: number, type: string): Promise<boolean> {
    let types = this.subscribedTypes.get(ownerId);
    if (types === undefined) {
      const writes = this.writes;
      const endpoints = await this.endpoints.find({ select: { events: true }, where: { ownerId } });
      types = new Set(endpoints.flatMap(subscribedEvents));
      if (writes === this.writes) {
        this.subscribedTypes.set(ownerId, types);
      }
    }
    return types.has(type);
  }

  listByOwner(ownerId: number): Promise<WebhookEndpoint[]> {
    return this.endpoints.find({ where: { ownerId }, order: { id: 'ASC' } });
  }

  findOwned(ownerId: number, id: number): Promise<WebhookEndpoint | null> {
    return this.endpoints.findOneBy({ ownerId, id });
  }

  findById(id: number): Promise<WebhookEndpoint | null> {
    return this.endpoints.findOneBy({ id });
  }

  async delete(ownerId: number, id: number): Promise<boolean> {
    try {
      const result = await this.endpoints.delete({ ownerId, id });
      return (result.affected ?? 0) > 0;
    } finally {
      this.changed(ownerId);
    }
  }

  async save(endpoint: WebhookEndpoint): Promise<void> {
    await this.endpoints.save(endpoint);
  }

  private changed(ownerId: number): void {
    this.writes += 1;
    this.subscribedTypes.delete(ownerId);
  }
}
