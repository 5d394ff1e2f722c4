import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { newEventId, subscribedEvents, WebhookEventType, webhookPayload } from './webhook-event.publisher';
import { newWebhookSecret } from './webhook-signature';
import { assertSafeWebhookUrl, UnsafeWebhookUrlError } from './webhook-url.guard';
import {
  CreatedWebhookEndpointDto,
  CreateWebhookDto,
  ListDeliveriesQueryDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookEndpointDto,
  WebhookEndpointListDto,
} from './webhook.dto';
import { WebhooksConfig, webhooksConfig } from './webhooks.config';

/** How long the secret before a rotation keeps signing beside the new one. */
const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000;

@Injectable()
export class WebhooksService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly dispatcher: WebhookDispatcherService,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
  ) {}

  async create(ownerId: number, dto: CreateWebhookDto): Promise<CreatedWebhookEndpointDto> {
    try {
      await assertSafeWebhookUrl(dto.url, {
        production: this.config.production,
        allowLocalhost: this.config.allowLocalhost,
      });
    } catch (error) {
      if (error instanceof UnsafeWebhookUrlError) {
        throw new BadRequestException(error.message);
      }
      throw error;
    }
    const endpoint = await this.endpoints.create({
      ownerId,
      url: dto.url,
      events: JSON.stringify(dto.events),
      description: dto.description ?? null,
      secret: newWebhookSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
      createdAt: new Date(),
    });
    return { ...toEndpointDto(endpoint), secret: endpoint.secret };
  }

  async list(ownerId: number): Promise<WebhookEndpointListDto> {
    const endpoints = await this.endpoints.listByOwner(ownerId);
    const newest = await this.deliveries.newestOf(endpoints.map((endpoint) => endpoint.id));
    return {
      webhooks: endpoints.map((endpoint) => {
        const last = newest.get(endpoint.id);
        return { ...toEndpointDto(endpoint), last_delivery: last ? toDeliveryDto(last) : null };
      }),
    };
  }

  async get(ownerId: number, id: string): Promise<WebhookEndpointDto> {
    return toEndpointDto(await this.owned(ownerId, id));
  }

  async delete(ownerId: number, id: string): Promise<void> {
    const endpoint = await this.owned(ownerId, id);
    await this.endpoints.delete(ownerId, endpoint.id);
  }

  async rotateSecret(ownerId: number, id: string): Promise<{ secret: string }> {
    const endpoint = await this.owned(ownerId, id);
    endpoint.previousSecret = endpoint.secret;
    endpoint.previousSecretExpiresAt = new Date(Date.now() + PREVIOUS_SECRET_TTL_MS);
    endpoint.secret = newWebhookSecret();
    await this.endpoints.save(endpoint);
    return { secret: endpoint.secret };
  }

  /**
   * Queues a ping and attempts it at once; answers the delivery as recorded after that attempt. The row
   * is written already claimed, so no poller (of this gateway or another) can take it first and leave
   * this answer pending; a crash before the attempt leaves a claim that goes stale and is delivered then.
   */
  async test(ownerId: number, id: string): Promise<WebhookDeliveryDto> {
    const endpoint = await this.owned(ownerId, id);
    const now = new Date();
    const eventId = newEventId();
    const delivery = await this.deliveries.insert({
      endpointId: endpoint.id,
      ownerId,
      eventId,
      event: 'ping',
      dedupeKey: `ping:${eventId}`,
      payload: webhookPayload(eventId, 'ping', now, {
        webhook_id: endpoint.id,
        events: subscribedEvents(endpoint),
      }),
      status: 'pending',
      attempts: 0,
      responseCode: null,
      responseBody: null,
      lastError: null,
      nextAttemptAt: now,
      firstAttemptAt: null,
      claimedUntil: this.dispatcher.claimLease(now),
      createdAt: now,
      deliveredAt: null,
    });
    const attempted = await this.dispatcher.deliverClaimed(delivery);
    return toDeliveryDto(attempted ?? delivery);
  }

  async listDeliveries(ownerId: number, id: string, query: ListDeliveriesQueryDto): Promise<WebhookDeliveryListDto> {
    const endpoint = await this.owned(ownerId, id);
    let beforeId: number | undefined;
    if (query.cursor !== undefined) {
      if (!/^[1-9]\d{0,15}$/.test(query.cursor)) {
        throw new BadRequestException('cursor is not a next_cursor of this list');
      }
      beforeId = Number(query.cursor);
    }
    const limit = query.limit ?? 20;
    const rows = await this.deliveries.list(endpoint.id, limit + 1, beforeId, query.status);
    const page = rows.slice(0, limit);
    return {
      deliveries: page.map(toDeliveryDto),
      next_cursor: rows.length > limit ? String(page[page.length - 1].id) : null,
    };
  }

  async redeliver(ownerId: number, id: string, deliveryId: string): Promise<void> {
    const endpoint = await this.owned(ownerId, id);
    const delivery = /^\d{1,15}$/.test(deliveryId)
      ? await this.deliveries.findOne(endpoint.id, Number(deliveryId))
      : null;
    if (!delivery) {
      throw new NotFoundException('Delivery not found');
    }
    await this.deliveries.resetForRedelivery(delivery.id, new Date());
    this.dispatcher.nudge();
  }

  private async owned(ownerId: number, id: string): Promise<WebhookEndpoint> {
    const endpoint = /^\d{1,15}$/.test(id) ? await this.endpoints.findOwned(ownerId, Number(id)) : null;
    if (!endpoint) {
      throw new NotFoundException('Webhook not found');
    }
    return endpoint;
  }
}

function toEndpointDto(endpoint: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: subscribedEvents(endpoint) as WebhookEventType[],
    description: endpoint.description,
    created_at: endpoint.createdAt.toISOString(),
  };
}

function toDeliveryDto(delivery: WebhookDelivery): WebhookDeliveryDto {
  return {
    id: delivery.id,
    event: delivery.event,
    status: delivery.status,
    attempts: delivery.attempts,
    response_code: delivery.responseCode,
    response_body: delivery.responseBody,
    last_error: delivery.lastError,
    next_attempt_at: delivery.nextAttemptAt?.toISOString() ?? null,
    created_at: delivery.createdAt.toISOString(),
    delivered_at: delivery.deliveredAt?.toISOString() ?? null,
    payload: JSON.parse(delivery.payload) as Record<string, unknown>,
  };
}
