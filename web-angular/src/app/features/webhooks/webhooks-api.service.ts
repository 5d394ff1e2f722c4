import { inject, Injectable } from '@angular/core';
import {
  webhooksControllerCreateRequest,
  webhooksControllerDeleteRequest,
  webhooksControllerDeliveriesRequest,
  webhooksControllerGetRequest,
  webhooksControllerListRequest,
  webhooksControllerRedeliverRequest,
  webhooksControllerRotateSecretRequest,
  webhooksControllerTestRequest,
  type WebhooksControllerRedeliverResponse,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { withoutBlanks } from '../../core/http/query-params';
import {
  CreatedWebhookEndpoint,
  DeliveryQuery,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointSummary,
  WebhookInput,
} from './webhook.types';

@Injectable({ providedIn: 'root' })
export class WebhooksApiService {
  private readonly api = inject(ApiClient);

  list(): Observable<WebhookEndpointSummary[]> {
    return this.api.send(webhooksControllerListRequest()).pipe(map((response) => response.webhooks));
  }

  get(id: number | string): Observable<WebhookEndpoint> {
    return this.api.send(webhooksControllerGetRequest({ path: { id: String(id) } }));
  }

  /** The answer carries the signing secret; no later call shows it again. */
  create(input: WebhookInput): Observable<CreatedWebhookEndpoint> {
    return this.api.send(webhooksControllerCreateRequest({ body: input }));
  }

  delete(id: number | string): Observable<void> {
    return this.api.send(webhooksControllerDeleteRequest({ path: { id: String(id) } })).pipe(map(() => undefined));
  }

  /** The new secret, shown only in this answer; the previous one keeps co-signing for 24 h. */
  rotateSecret(id: number | string): Observable<string> {
    return this.api
      .send(webhooksControllerRotateSecretRequest({ path: { id: String(id) } }))
      .pipe(map((response) => response.secret));
  }

  /** Sends a ping and answers its delivery as recorded after the first attempt. */
  test(id: number | string): Observable<WebhookDelivery> {
    return this.api.send(webhooksControllerTestRequest({ path: { id: String(id) } }));
  }

  /** Newest first; pass the previous page's `next_cursor` as `cursor` for older ones. */
  deliveries(id: number | string, query: DeliveryQuery = {}): Observable<WebhookDeliveryPage> {
    return this.api.send(
      webhooksControllerDeliveriesRequest({ path: { id: String(id) }, query: withoutBlanks(query) }),
    );
  }

  redeliver(id: number | string, deliveryId: number | string): Observable<WebhooksControllerRedeliverResponse> {
    return this.api.send(
      webhooksControllerRedeliverRequest({ path: { id: String(id), deliveryId: String(deliveryId) } }),
    );
  }
}
