import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export const WEBHOOK_EVENT_TYPES = [
  'job.completed',
  'job.failed',
  'import.completed',
  'quota.warning',
  'alert.fired',
  'alert.resolved',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEvent {
  ownerId: number;
  type: WebhookEventType;
  data: Record<string, unknown>;
  /** Identifies the event: publishing the same key again queues nothing new for an endpoint. */
  dedupeKey: string;
}

export function newEventId(): string {
  return `evt_${randomBytes(16).toString('hex')}`;
}

/** The JSON body receivers get; it is stored as is and signed byte for byte. */
export function webhookPayload(id: string, type: string, createdAt: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ id, type, created_at: createdAt.toISOString(), data });
}

export function subscribedEvents(endpoint: Pick<WebhookEndpoint, 'events'>): string[] {
  const parsed: unknown = JSON.parse(endpoint.events);
  return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === 'string') : [];
}

@Injectable()
export class WebhookEventPublisher {
  /**
   * Queues one delivery per endpoint of the owner subscribed to the type, inside the caller's transaction;
   * idempotent per (endpoint, dedupeKey), so several gateways publishing the same event deliver it once.
   */
  async publish(manager: EntityManager, event: WebhookEvent): Promise<void> {
    const endpoints = await manager.find(WebhookEndpoint, { where: { ownerId: event.ownerId } });
    const subscribed = endpoints.filter((endpoint) => subscribedEvents(endpoint).includes(event.type));
    if (subscribed.length === 0) {
      return;
    }
    const now = new Date();
    const rows = subscribed.map((endpoint) => {
      const eventId = newEventId();
      return {
        endpointId: endpoint.id,
        ownerId: event.ownerId,
        eventId,
        event: event.type,
        dedupeKey: event.dedupeKey.slice(0, 255),
        payload: webhookPayload(eventId, event.type, now, event.data),
        status: 'pending' as const,
        attempts: 0,
        responseCode: null,
        responseBody: null,
        lastError: null,
        nextAttemptAt: now,
        firstAttemptAt: null,
        claimedUntil: null,
        createdAt: now,
        deliveredAt: null,
      };
    });
    // ON CONFLICT DO NOTHING (PostgreSQL) / INSERT OR IGNORE (SQLite): a duplicate never aborts the caller's transaction.
    await manager.createQueryBuilder().insert().into(WebhookDelivery).values(rows).orIgnore().execute();
  }
}
