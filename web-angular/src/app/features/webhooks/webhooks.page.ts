import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { catchError, forkJoin, map, Observable, of, switchMap } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { CreateWebhookFormComponent } from './create-webhook-form.component';
import { DeliveryStatusComponent } from './delivery-status.component';
import { WebhookActionsService } from './webhook-actions.service';
import { WebhookSecretComponent } from './webhook-secret.component';
import { CreatedWebhookEndpoint, WebhookDelivery, WebhookEndpoint } from './webhook.types';
import { WebhooksApiService } from './webhooks-api.service';

/** `lastDelivery` is null when nothing was sent yet and undefined when the log could not be read. */
export interface EndpointRow extends WebhookEndpoint {
  lastDelivery: WebhookDelivery | null | undefined;
}

interface ShownSecret {
  title: string;
  secret: string;
  rotated: boolean;
}

@Component({
  selector: 'app-webhooks-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatTableModule,
    AsyncStateComponent,
    CreateWebhookFormComponent,
    DeliveryStatusComponent,
    WebhookSecretComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks.page.html',
  styleUrl: './webhooks.page.scss',
})
export default class WebhooksPage {
  private readonly api = inject(WebhooksApiService);
  private readonly actions = inject(WebhookActionsService);

  protected readonly columns = ['url', 'events', 'created_at', 'last_delivery', 'actions'];
  protected readonly shownSecret = signal<ShownSecret | null>(null);
  protected readonly busyId = signal<number | null>(null);

  protected readonly endpoints = rxResource({
    stream: () => this.api.list().pipe(switchMap((endpoints) => this.withLastDelivery(endpoints))),
  });
  protected readonly rows = computed<EndpointRow[]>(() => (this.endpoints.hasValue() ? this.endpoints.value() : []));
  protected readonly error = computed(() => (this.endpoints.error() ? errorMessage(this.endpoints.error()) : null));

  protected onCreated(created: CreatedWebhookEndpoint): void {
    this.shownSecret.set({ title: `Endpoint ${created.url} added`, secret: created.secret, rotated: false });
    this.endpoints.reload();
  }

  protected ping(row: EndpointRow): void {
    this.busyId.set(row.id);
    this.actions.ping(row).subscribe({
      next: () => {
        this.busyId.set(null);
        this.endpoints.reload();
      },
      error: () => this.busyId.set(null),
    });
  }

  protected rotate(row: EndpointRow): void {
    this.actions
      .rotateSecret(row)
      .subscribe((secret) =>
        this.shownSecret.set({ title: `New signing secret for ${row.url}`, secret, rotated: true }),
      );
  }

  protected remove(row: EndpointRow): void {
    this.actions.delete(row).subscribe(() => this.endpoints.reload());
  }

  /** The list answers no delivery status, so each endpoint's newest delivery is read beside it. */
  private withLastDelivery(endpoints: WebhookEndpoint[]): Observable<EndpointRow[]> {
    if (endpoints.length === 0) {
      return of([]);
    }
    return forkJoin(
      endpoints.map((endpoint) =>
        this.api.deliveries(endpoint.id, { limit: 1 }).pipe(
          map((page): EndpointRow => ({ ...endpoint, lastDelivery: page.deliveries[0] ?? null })),
          catchError(() => of<EndpointRow>({ ...endpoint, lastDelivery: undefined })),
        ),
      ),
    );
  }
}
