import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { Observable } from 'rxjs';
import { errorMessage } from '../../core/http/api-error';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { appendOlder, DELIVERY_PAGE_SIZE, hasPending, prettyBody, prettyJson, refreshLimit } from './delivery-log';
import { DeliveryStatusComponent } from './delivery-status.component';
import { WebhookActionsService } from './webhook-actions.service';
import { WebhookSecretComponent } from './webhook-secret.component';
import { WebhookDelivery, WebhookEndpoint } from './webhook.types';
import { WebhooksApiService } from './webhooks-api.service';

/** While a delivery is pending the log re-reads itself this often, and stops once none is. */
export const PENDING_POLL_MS = 3000;

@Component({
  selector: 'app-webhook-detail-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    AsyncStateComponent,
    DeliveryStatusComponent,
    WebhookSecretComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhook-detail.page.html',
  styleUrl: './webhook-detail.page.scss',
})
export default class WebhookDetailPage {
  private readonly api = inject(WebhooksApiService);
  private readonly actions = inject(WebhookActionsService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly endpoint = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly endpointError = computed(() =>
    this.endpoint.error() ? errorMessage(this.endpoint.error()) : null,
  );

  protected readonly deliveries = signal<WebhookDelivery[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly logLoaded = signal(false);
  protected readonly logLoading = signal(false);
  protected readonly logError = signal<string | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly expanded = signal<ReadonlySet<number>>(new Set());
  protected readonly busy = signal<string | null>(null);
  protected readonly newSecret = signal<string | null>(null);
  protected readonly pending = computed(() => hasPending(this.deliveries()));

  constructor() {
    effect(() => {
      this.id();
      untracked(() => {
        this.deliveries.set([]);
        this.nextCursor.set(null);
        this.logLoaded.set(false);
        this.refresh();
      });
    });
    effect((onCleanup) => {
      if (!this.pending() || this.logLoading()) {
        return;
      }
      const timer = setTimeout(() => this.refresh(), PENDING_POLL_MS);
      onCleanup(() => clearTimeout(timer));
    });
  }

  /** Re-reads the newest deliveries, as many as are shown, so statuses and new ones appear in place. */
  protected refresh(): void {
    this.logLoading.set(true);
    this.api
      .deliveries(this.id(), { limit: refreshLimit(this.deliveries().length) })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.deliveries.set(page.deliveries);
          this.nextCursor.set(page.next_cursor);
          this.logLoaded.set(true);
          this.logError.set(null);
          this.logLoading.set(false);
        },
        error: (error: unknown) => {
          this.logError.set(errorMessage(error));
          this.logLoading.set(false);
        },
      });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor) {
      return;
    }
    this.loadingMore.set(true);
    this.api
      .deliveries(this.id(), { cursor, limit: DELIVERY_PAGE_SIZE })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.deliveries.update((loaded) => appendOlder(loaded, page.deliveries));
          this.nextCursor.set(page.next_cursor);
          this.loadingMore.set(false);
        },
        error: (error: unknown) => {
          this.logError.set(errorMessage(error));
          this.loadingMore.set(false);
        },
      });
  }

  protected isExpanded(delivery: WebhookDelivery): boolean {
    return this.expanded().has(delivery.id);
  }

  protected toggle(delivery: WebhookDelivery): void {
    this.expanded.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(delivery.id)) {
        next.add(delivery.id);
      }
      return next;
    });
  }

  protected payload(delivery: WebhookDelivery): string {
    return prettyJson(delivery.payload);
  }

  protected responseBody(delivery: WebhookDelivery): string | null {
    return delivery.response_body ? prettyBody(delivery.response_body) : null;
  }

  protected ping(endpoint: WebhookEndpoint): void {
    this.run('ping', this.actions.ping(endpoint));
  }

  protected redeliver(endpoint: WebhookEndpoint, delivery: WebhookDelivery): void {
    this.run(`redeliver-${delivery.id}`, this.actions.redeliver(endpoint, delivery));
  }

  protected rotate(endpoint: WebhookEndpoint): void {
    this.actions.rotateSecret(endpoint).subscribe((secret) => this.newSecret.set(secret));
  }

  protected remove(endpoint: WebhookEndpoint): void {
    this.actions.delete(endpoint).subscribe(() => void this.router.navigate(['/webhooks']));
  }

  /** One action at a time; the log is re-read afterwards, as the action changed it. */
  private run(name: string, action: Observable<unknown>): void {
    this.busy.set(name);
    action.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(null);
        this.refresh();
      },
      error: () => this.busy.set(null),
    });
  }
}
