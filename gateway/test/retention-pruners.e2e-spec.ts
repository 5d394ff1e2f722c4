import { TransactionRunner } from '@gateway/database/transaction-runner';
import { OutboxEvent } from '@gateway/outbox/outbox-event.entity';
import { OutboxPrunerService } from '@gateway/outbox/outbox-pruner.service';
import type { OutboxRelayConfig } from '@gateway/outbox/outbox-relay.config';
import { OutboxRelayRepository } from '@gateway/outbox/outbox-relay.repository';
import { OutboxRepository } from '@gateway/outbox/outbox.repository';
import { User } from '@gateway/users/user.entity';
import { WebhookDeliveriesRepository } from '@gateway/webhooks/webhook-deliveries.repository';
import { WebhookDeliveryPrunerService } from '@gateway/webhooks/webhook-delivery-pruner.service';
import { WebhookDelivery, WebhookDeliveryStatus } from '@gateway/webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '@gateway/webhooks/webhook-endpoint.entity';
import type { WebhooksConfig } from '@gateway/webhooks/webhooks.config';
import { openTestDatabase, TestDatabase } from './support/test-database';

const HOUR = 3_600_000;
const NOW = new Date('2026-12-04T12:00:00.000Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

describe('retention of the outbox and of webhook deliveries, on the real database', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase([OutboxEvent, User, WebhookEndpoint, WebhookDelivery]);
  });

  afterAll(async () => {
    await database.close();
  });

  it('deletes delivered outbox events past the retention and keeps newer and undelivered ones', async () => {
    const events = database.dataSource.getRepository(OutboxEvent);
    const event = (videoId: number, deliveredAt: Date | null, createdAt: Date) =>
      events.create({
        type: 'upsert',
        ownerId: 1,
        videoId,
        version: 1,
        payload: '{}',
        createdAt,
        deliveredAt,
        attempts: 0,
        nextAttemptAt: createdAt,
        lastError: null,
      });
    await events.save([
      event(1, ago(30), ago(31)),
      event(2, ago(25), ago(26)),
      event(3, ago(23), ago(48)),
      event(4, null, ago(72)),
    ]);
    const relay = new OutboxRelayRepository(
      events,
      new OutboxRepository(events),
      new TransactionRunner(database.dataSource),
      database.dataSource,
    );
    const sut = new OutboxPrunerService(relay, { retentionMs: 24 * HOUR } as OutboxRelayConfig);

    expect(await sut.prune(NOW)).toBe(2);
    expect((await events.find({ order: { videoId: 'ASC' } })).map((row) => row.videoId)).toEqual([3, 4]);
    expect(await sut.prune(NOW)).toBe(0);
  });

  it('deletes finished webhook deliveries past the retention and never a pending one', async () => {
    const user = await database.dataSource
      .getRepository(User)
      .save({ email: 'retention@example.com', name: 'r', passwordHash: 'x', createdAt: NOW });
    const endpoint = await database.dataSource.getRepository(WebhookEndpoint).save({
      ownerId: user.id,
      url: 'https://example.com/hook',
      events: '["job.completed"]',
      description: null,
      secret: 's',
      previousSecret: null,
      previousSecretExpiresAt: null,
      createdAt: NOW,
    });
    const deliveries = database.dataSource.getRepository(WebhookDelivery);
    const delivery = (eventId: string, status: WebhookDeliveryStatus, createdAt: Date) =>
      deliveries.create({
        endpointId: endpoint.id,
        ownerId: user.id,
        eventId,
        event: 'job.completed',
        dedupeKey: eventId,
        payload: '{}',
        status,
        attempts: 1,
        responseCode: null,
        responseBody: null,
        lastError: null,
        nextAttemptAt: null,
        firstAttemptAt: createdAt,
        claimedUntil: null,
        createdAt,
        deliveredAt: null,
      });
    await deliveries.save([
      delivery('old-ok', 'succeeded', ago(24 * 31)),
      delivery('old-failed', 'failed', ago(24 * 40)),
      delivery('old-pending', 'pending', ago(24 * 40)),
      delivery('recent', 'succeeded', ago(24 * 29)),
    ]);
    const sut = new WebhookDeliveryPrunerService(new WebhookDeliveriesRepository(deliveries), {
      deliveryRetentionMs: 30 * 24 * HOUR,
    } as WebhooksConfig);

    expect(await sut.prune(NOW)).toBe(2);
    expect((await deliveries.find({ order: { id: 'ASC' } })).map((row) => row.eventId)).toEqual([
      'old-pending',
      'recent',
    ]);
  });
});
