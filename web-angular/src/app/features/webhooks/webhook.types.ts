/** The gateway's webhook shapes, as the SDK generates them from its OpenAPI document. */
import type {
  CreatedWebhookEndpointDto,
  CreateWebhookDto,
  WebhookDeliveryDto,
  WebhookDeliveryListDto,
  WebhookEndpointDto,
  WebhookEndpointSummaryDto,
  WebhooksControllerDeliveriesData,
} from '@video-search/sdk/models';

export type WebhookEndpoint = WebhookEndpointDto;
/** An endpoint as listed: with its newest delivery, null before the first event. */
export type WebhookEndpointSummary = WebhookEndpointSummaryDto;
export type CreatedWebhookEndpoint = CreatedWebhookEndpointDto;
export type WebhookInput = CreateWebhookDto;
export type WebhookDelivery = WebhookDeliveryDto;
export type WebhookDeliveryPage = WebhookDeliveryListDto;
export type WebhookEventType = WebhookEndpoint['events'][number];
export type DeliveryStatus = WebhookDelivery['status'];

export const WEBHOOK_EVENTS: readonly { type: WebhookEventType; hint: string }[] = [
  { type: 'job.completed', hint: 'a search job finished with results' },
  { type: 'job.failed', hint: 'a search job failed' },
  { type: 'import.completed', hint: 'a bulk import is searchable' },
  { type: 'quota.warning', hint: 'an API key reached 80 % or 100 % of its daily quota' },
];

export type DeliveryQuery = NonNullable<WebhooksControllerDeliveriesData['query']>;
