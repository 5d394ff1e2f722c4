import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event for one endpoint: an outbox row the dispatcher claims, POSTs and records. */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'endpoint_id', type: 'integer' })
  endpointId: number;

  @Column({ name: 'owner_id', type: 'integer' })
  ownerId: number;

  /** Public event id (`evt_...`), the payload's `id` and the `Webhook-Id` header. */
  @Column({ name: 'event_id', type: 'varchar', length: 64 })
  eventId: string;

  @Column({ type: 'varchar', length: 32 })
  event: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 255 })
  dedupeKey: string;

  /** The raw JSON body, signed as is. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'response_code', type: 'integer', nullable: true })
  responseCode: number | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: Date, nullable: true })
  nextAttemptAt: Date | null;

  /** Start of the retry window: the first attempt (or the last redeliver). */
  @Column({ name: 'first_attempt_at', type: Date, nullable: true })
  firstAttemptAt: Date | null;

  /** A dispatcher's claim; a claim older than the timeout is taken over. */
  @Column({ name: 'claimed_until', type: Date, nullable: true })
  claimedUntil: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: Date, nullable: true })
  deliveredAt: Date | null;
}
