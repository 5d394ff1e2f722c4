import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { errorMessage } from '../../core/http/api-error';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { CreateWebhookFormComponent } from './create-webhook-form.component';
import { DeliveryStatusComponent } from './delivery-status.component';
import { WebhookActionsService } from './webhook-actions.service';
import { WebhookSecretComponent } from './webhook-secret.component';
import { CreatedWebhookEndpoint, WebhookEndpointSummary } from './webhook.types';
import { WebhooksApiService } from './webhooks-api.service';

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
    stream: () => this.api.list(),
  });
  protected readonly rows = computed<WebhookEndpointSummary[]>(() =>
    this.endpoints.hasValue() ? this.endpoints.value() : [],
  );
  protected readonly error = computed(() => (this.endpoints.error() ? errorMessage(this.endpoints.error()) : null));

  protected onCreated(created: CreatedWebhookEndpoint): void {
    this.shownSecret.set({ title: `Endpoint ${created.url} added`, secret: created.secret, rotated: false });
    this.endpoints.reload();
  }

  protected ping(row: WebhookEndpointSummary): void {
    this.busyId.set(row.id);
    this.actions.ping(row).subscribe({
      next: () => {
        this.busyId.set(null);
        this.endpoints.reload();
      },
      error: () => this.busyId.set(null),
    });
  }

  protected rotate(row: WebhookEndpointSummary): void {
    this.actions
      .rotateSecret(row)
      .subscribe((secret) =>
        this.shownSecret.set({ title: `New signing secret for ${row.url}`, secret, rotated: true }),
      );
  }

  protected remove(row: WebhookEndpointSummary): void {
    this.actions.delete(row).subscribe(() => this.endpoints.reload());
  }
}
