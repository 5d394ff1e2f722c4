import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  WebhooksControllerCreateResponse,
  WebhooksControllerDeliveriesResponse,
  WebhooksControllerGetResponse,
  WebhooksControllerListResponse,
  WebhooksControllerRedeliverResponse,
  WebhooksControllerRotateSecretResponse,
  WebhooksControllerTestResponse,
} from '@video-search/sdk/models';
import { map, Observable } from 'rxjs';
import { toParams } from '../../core/http/query-params';
import {
  CreatedWebhookEndpoint,
  DeliveryQuery,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookInput,
} from './webhook.types';

const BASE = '/api/v1/webhooks';

@Injectable({ providedIn: 'root' })
export class WebhooksApiService {
  private readonly http = inject(HttpClient);

  list(): Observable<WebhookEndpoint[]> {
    return this.http.get<WebhooksControllerListResponse>(BASE).pipe(map((response) => response.webhooks));
  }

  get(id: number | string): Observable<WebhookEndpoint> {
    return this.http.get<WebhooksControllerGetResponse>(endpointPath(id));
  }

  /** The answer carries the signing secret; no later call shows it again. */
  create(input: WebhookInput): Observable<CreatedWebhookEndpoint> {
    return this.http.post<WebhooksControllerCreateResponse>(BASE, input);
  }

  delete(id: number | string): Observable<void> {
    return this.http.delete<void>(endpointPath(id));
  }

  /** The new secret, shown only in this answer; the previous one keeps co-signing for 24 h. */
  rotateSecret(id: number | string): Observable<string> {
    return this.http
      .post<WebhooksControllerRotateSecretResponse>(`${endpointPath(id)}/rotate-secret`, null)
      .pipe(map((response) => response.secret));
  }

  /** Sends a ping and answers its delivery as recorded after the first attempt. */
  test(id: number | string): Observable<WebhookDelivery> {
    return this.http.post<WebhooksControllerTestResponse>(`${endpointPath(id)}/test`, null);
  }

  /** Newest first; pass the previous page's `next_cursor` as `cursor` for older ones. */
  deliveries(id: number | string, query: DeliveryQuery = {}): Observable<WebhookDeliveryPage> {
    return this.http.get<WebhooksControllerDeliveriesResponse>(`${endpointPath(id)}/deliveries`, {
      params: toParams(query),
    });
  }

  redeliver(id: number | string, deliveryId: number | string): Observable<WebhooksControllerRedeliverResponse> {
    return this.http.post<WebhooksControllerRedeliverResponse>(
      `${endpointPath(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
      null,
    );
  }
}

function endpointPath(id: number | string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}
