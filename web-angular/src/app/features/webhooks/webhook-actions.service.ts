import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { filter, map, Observable, switchMap, tap } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { ConfirmData, ConfirmDialog } from '../../ui/dialog/confirm.dialog';
import { WebhookDelivery, WebhookEndpoint } from './webhook.types';
import { WebhooksApiService } from './webhooks-api.service';

/**
 * The endpoint actions the list and the detail page share: each tells the user how it went (errors as the
 * gateway words them) and emits only on success, so a page just refreshes what changed.
 */
@Injectable({ providedIn: 'root' })
export class WebhookActionsService {
  private readonly api = inject(WebhooksApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);

  /** Emits once the endpoint is deleted; nothing when the user cancels. */
  delete(endpoint: WebhookEndpoint): Observable<void> {
    return this.confirm({
      title: 'Delete webhook endpoint?',
      message: `No more events will be sent to ${endpoint.url}, and its delivery log is deleted with it. This cannot be undone.`,
      confirmLabel: 'Delete endpoint',
    }).pipe(
      switchMap(() => this.api.delete(endpoint.id)),
      tap({
        next: () => this.notify.success(`Deleted the endpoint ${endpoint.url}`),
        error: (error: unknown) => this.notify.error(errorMessage(error)),
      }),
    );
  }

  /** Emits the new secret, which no later answer shows again. */
  rotateSecret(endpoint: WebhookEndpoint): Observable<string> {
    return this.confirm({
      title: 'Rotate the signing secret?',
      message: `A new secret signs deliveries to ${endpoint.url} from now on; the current one keeps signing beside it for 24 hours.`,
      confirmLabel: 'Rotate secret',
    }).pipe(
      switchMap(() => this.api.rotateSecret(endpoint.id)),
      tap({ error: (error: unknown) => this.notify.error(errorMessage(error)) }),
    );
  }

  /** Emits the ping's delivery as recorded after its first attempt. */
  ping(endpoint: WebhookEndpoint): Observable<WebhookDelivery> {
    return this.api.test(endpoint.id).pipe(
      tap({
        next: (delivery) =>
          delivery.status === 'succeeded'
            ? this.notify.success(`Ping delivered (HTTP ${delivery.response_code})`)
            : this.notify.error(`Ping not delivered: ${delivery.last_error ?? 'no answer'}`),
        error: (error: unknown) => this.notify.error(errorMessage(error)),
      }),
    );
  }

  redeliver(endpoint: WebhookEndpoint, delivery: WebhookDelivery): Observable<void> {
    return this.api.redeliver(endpoint.id, delivery.id).pipe(
      map(() => undefined),
      tap({
        next: () => this.notify.info(`Redelivery of ${delivery.event} scheduled`),
        error: (error: unknown) => this.notify.error(errorMessage(error)),
      }),
    );
  }

  private confirm(data: ConfirmData): Observable<true> {
    return this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .pipe(filter((confirmed): confirmed is true => confirmed === true));
  }
}
