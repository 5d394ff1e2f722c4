import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import type { LoggedRequestDto } from '@video-search/sdk/angular';
import { Subscription } from 'rxjs';
import { ApiKeysApiService } from '../../core/api/api-keys-api.service';
import { errorMessage } from '../../core/http/api-error';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { AlertsPanelComponent } from './alerts-panel.component';
import { ErrorGroupsComponent } from './error-groups.component';
import { RequestDetailComponent } from './request-detail.component';
import { RequestFilterFormComponent } from './request-filter-form.component';
import { EMPTY_FILTERS, matchesFilters, mergeTail, RequestFilters, toRequestQuery } from './request-filters';
import { RequestsApiService } from './requests-api.service';

@Component({
  selector: 'app-requests-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatSlideToggleModule,
    MatTableModule,
    MatTabsModule,
    AsyncStateComponent,
    AlertsPanelComponent,
    ErrorGroupsComponent,
    RequestDetailComponent,
    RequestFilterFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './requests.page.html',
  styleUrl: './requests.page.scss',
})
export default class RequestsPage {
  private readonly api = inject(RequestsApiService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly realtime = inject(RealtimeService);

  protected readonly columns = ['occurred_at', 'method', 'route', 'status', 'latency', 'key'];
  protected readonly filters = signal<RequestFilters>({ ...EMPTY_FILTERS });
  protected readonly query = computed(() => toRequestQuery(this.filters()));
  protected readonly rows = signal<LoggedRequestDto[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly retentionDays = signal<number | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly liveTail = signal(false);
  protected readonly dropped = signal(0);
  protected readonly selectedId = signal<string | null>(null);

  private readonly keysApi = inject(ApiKeysApiService);
  protected readonly apiKeys = rxResource({ stream: () => this.keysApi.list() });
  protected readonly keys = computed(() => (this.apiKeys.hasValue() ? this.apiKeys.value() : []));

  private page: Subscription | null = null;

  constructor() {
    effect(() => this.realtime.tailRequests(this.liveTail()));
    this.destroyRef.onDestroy(() => this.realtime.tailRequests(false));
    this.realtime.requestLogs$.pipe(takeUntilDestroyed()).subscribe((batch) => {
      if (!this.liveTail()) {
        return;
      }
      const query = this.query();
      this.rows.update((rows) =>
        mergeTail(
          rows,
          batch.requests.filter((request) => matchesFilters(request, query)),
        ),
      );
      this.dropped.update((dropped) => dropped + batch.dropped);
    });
    this.load(null);
  }

  protected applyFilters(filters: RequestFilters): void {
    this.filters.set(filters);
    this.selectedId.set(null);
    this.load(null);
  }

  protected loadMore(): void {
    this.load(this.nextCursor());
  }

  protected toggleTail(on: boolean): void {
    this.dropped.set(0);
    this.liveTail.set(on);
  }

  protected select(request: LoggedRequestDto): void {
    this.selectedId.set(request.request_id);
  }

  protected keyName(id: string | null): string {
    if (id === null) {
      return 'JWT';
    }
    return this.keys().find((key) => key.id === id)?.name ?? id;
  }

  private load(cursor: string | null): void {
    this.page?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.page = this.api
      .list(toRequestQuery(this.filters(), cursor))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.rows.update((rows) => (cursor ? [...rows, ...page.requests] : page.requests));
          this.nextCursor.set(page.next_cursor);
          this.retentionDays.set(page.retention_days);
          this.loading.set(false);
          this.loaded.set(true);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(errorMessage(error));
        },
      });
  }
}
