import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { catchError, filter, forkJoin, map, of, switchMap } from 'rxjs';
import { AnalyticsApiService } from '../../core/api/analytics-api.service';
import { ApiKeysApiService } from '../../core/api/api-keys-api.service';
import { API_KEY_PERMISSIONS, ApiKeyPermission, CreatedApiKey } from '../../core/api/api.types';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { lastDays } from '../../core/util/dates';
import { BarChartComponent } from '../../ui/charts/bar-chart.component';
import { LineChartComponent } from '../../ui/charts/line-chart.component';
import { requestSeries } from '../../ui/charts/usage-series';
import { ConfirmData, ConfirmDialog } from '../../ui/dialog/confirm.dialog';
import { QuotaPanelComponent } from '../../ui/quota/quota-panel.component';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { CreateKeyFormComponent } from './create-key-form.component';
import { CreatedKeyComponent } from './created-key.component';
import { PERMISSION_HINTS } from './key-input';
import { KeyRow, KeyStatus, toKeyRows } from './key-rows';

const STATUS_LABELS: Record<KeyStatus, string> = { active: 'Active', expired: 'Expired', revoked: 'Revoked' };

@Component({
  selector: 'app-api-keys-page',
  imports: [
    DatePipe,
    DecimalPipe,
    MatTableModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatSlideToggleModule,
    AsyncStateComponent,
    BarChartComponent,
    LineChartComponent,
    QuotaPanelComponent,
    CreateKeyFormComponent,
    CreatedKeyComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './api-keys.page.html',
  styleUrl: './api-keys.page.scss',
})
export default class ApiKeysPage {
  private readonly keysApi = inject(ApiKeysApiService);
  private readonly analyticsApi = inject(AnalyticsApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);

  protected readonly columns = [
    'name',
    'permissions',
    'status',
    'expires_at',
    'created_at',
    'last_used_at',
    'requests',
    'actions',
  ];
  protected readonly allPermissions = API_KEY_PERMISSIONS.join(', ');
  /** Revoked keys are listed only on request (include_revoked=true), as the API does. */
  protected readonly showRevoked = signal(false);
  protected readonly created = signal<CreatedApiKey | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly rangeDays = signal(14);

  protected readonly keys = rxResource({
    params: () => ({ includeRevoked: this.showRevoked() }),
    stream: ({ params }) =>
      forkJoin({
        keys: this.keysApi.list(params),
        analytics: this.analyticsApi.apiKeys().pipe(catchError(() => of(null))),
      }),
  });
  protected readonly rows = computed<KeyRow[]>(() =>
    this.keys.hasValue() ? toKeyRows(this.keys.value().keys, this.keys.value().analytics) : [],
  );
  protected readonly analytics = computed(() => (this.keys.hasValue() ? this.keys.value().analytics : null));
  protected readonly keysError = computed(() => (this.keys.error() ? errorMessage(this.keys.error()) : null));
  protected readonly mostUsed = computed(() => this.rowById(this.analytics()?.most_used_id));
  protected readonly leastUsed = computed(() => this.rowById(this.analytics()?.least_used_id));
  protected readonly comparison = computed(() =>
    this.rows().map((row) => ({ name: `${row.name} ·${row.prefix.slice(-4)}`, value: row.requests ?? 0 })),
  );
  protected readonly selected = computed(() => this.rows().find((row) => row.id === this.selectedId()) ?? null);

  protected readonly usage = rxResource({
    params: () => {
      const id = this.selectedId();
      return id ? { id, days: this.rangeDays() } : undefined;
    },
    stream: ({ params }) => this.keysApi.dailyUsage(params.id, lastDays(params.days)),
  });
  protected readonly quota = rxResource({
    params: () => this.selectedId() ?? undefined,
    stream: ({ params }) => this.analyticsApi.quota(params),
  });
  protected readonly quotaError = computed(() => (this.quota.error() ? errorMessage(this.quota.error()) : null));
  protected readonly usageError = computed(() => (this.usage.error() ? errorMessage(this.usage.error()) : null));
  protected readonly usageSeries = computed(() => requestSeries(this.usage.hasValue() ? this.usage.value() : []));
  protected readonly usageTotal = computed(() =>
    (this.usage.hasValue() ? this.usage.value() : []).reduce((sum, day) => sum + day.requests, 0),
  );

  // Table cells see their row untyped (mat-table), so the lookups go through typed methods.
  protected hint(permission: ApiKeyPermission): string {
    return PERMISSION_HINTS[permission];
  }

  protected statusLabel(status: KeyStatus): string {
    return STATUS_LABELS[status];
  }

  protected onCreated(created: CreatedApiKey): void {
    this.created.set(created);
    this.keys.reload();
  }

  protected select(row: KeyRow): void {
    this.selectedId.set(row.id);
  }

  protected confirmRevoke(row: KeyRow): void {
    this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
        data: {
          title: 'Revoke API key?',
          message: `Requests using “${row.name}” (${row.prefix}…) will fail with 401 immediately. This cannot be undone.`,
          confirmLabel: 'Revoke key',
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.keysApi.revoke(row.id).pipe(map(() => row))),
      )
      .subscribe({
        next: () => {
          this.notify.success(`Revoked “${row.name}”`);
          if (this.created()?.api_key_id === row.id) {
            this.created.set(null);
          }
          this.keys.reload();
        },
        error: (error: unknown) => this.notify.error(errorMessage(error)),
      });
  }

  private rowById(id: string | null | undefined): KeyRow | null {
    return id ? (this.rows().find((row) => row.id === id) ?? null) : null;
  }
}
