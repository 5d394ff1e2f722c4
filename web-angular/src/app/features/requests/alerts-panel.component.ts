import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { AlertEventDto, AlertRuleDto } from '@video-search/sdk/angular';
import type { ApiKey } from '../../core/api/api.types';
import { errorMessage } from '../../core/http/api-error';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { AlertRuleFormComponent } from './alert-rule-form.component';
import { forecastText, formatMetric, metricLabel } from './alert-rules';
import { AlertsApiService } from './alerts-api.service';

@Component({
  selector: 'app-alerts-panel',
  imports: [DatePipe, MatButtonModule, MatTableModule, AsyncStateComponent, AlertRuleFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel">
      <h2>Add an alert rule</h2>
      <app-alert-rule-form [apiKeys]="apiKeys()" (created)="rules.reload()" />
    </section>

    <section class="panel" aria-labelledby="alert-rules-title">
      <h2 id="alert-rules-title">Rules</h2>
      <app-async-state
        [loading]="rules.isLoading()"
        [hasStaleData]="rules.hasValue()"
        [error]="rulesError()"
        errorTitle="Could not load your alert rules"
        [empty]="ruleRows().length === 0"
        emptyTitle="No alert rules yet"
        emptyText="Add a rule above to hear about a key's error rate, slow answers or a quota running out."
        (retry)="rules.reload()"
      >
        <table mat-table class="data" [dataSource]="ruleRows()" aria-label="Alert rules">
          <ng-container matColumnDef="metric">
            <th mat-header-cell *matHeaderCellDef>Rule</th>
            <td mat-cell *matCellDef="let rule">
              {{ metricLabel(rule.metric) }} ≥ {{ formatMetric(rule.metric, rule.threshold) }} over
              {{ rule.window_minutes }} min
              @if (forecastText(rule); as forecast) {
                <div class="muted small" data-testid="alert-forecast">{{ forecast }}</div>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="key">
            <th mat-header-cell *matHeaderCellDef>Key</th>
            <td mat-cell *matCellDef="let rule">{{ keyName(rule.api_key_id) }}</td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef>State</th>
            <td mat-cell *matCellDef="let rule" [class.firing]="rule.state === 'firing'" data-testid="alert-state">
              {{ rule.state }}
              @if (rule.evaluated_at) {
                <div class="muted small">
                  {{ formatMetric(rule.metric, rule.value) }} at {{ rule.evaluated_at | date: 'HH:mm:ss' }}
                </div>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let rule">
              <button mat-button type="button" class="danger" (click)="remove(rule)">Delete</button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="ruleColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: ruleColumns" data-testid="alert-rule-row"></tr>
        </table>
      </app-async-state>
    </section>

    <section class="panel" aria-labelledby="alert-events-title">
      <h2 id="alert-events-title">Recent alerts</h2>
      <app-async-state
        [loading]="events.isLoading()"
        [hasStaleData]="events.hasValue()"
        [error]="eventsError()"
        errorTitle="Could not load the alert history"
        [empty]="eventRows().length === 0"
        emptyTitle="No alerts yet"
        emptyText="A rule that fires or resolves shows up here, and live as a notice on any page."
        (retry)="events.reload()"
      >
        <ul class="events">
          @for (event of eventRows(); track event.id) {
            <li [class.firing]="event.state === 'firing'" data-testid="alert-event">
              <span class="muted">{{ event.occurred_at | date: 'MMM d, HH:mm:ss' }}</span>
              <strong>{{ event.state }}</strong><span>{{ event.message }}</span>
            </li>
          }
        </ul>
      </app-async-state>
    </section>
  `,
  styles: `
    .small {
      font-size: 0.78rem;
    }
    .firing {
      color: var(--mat-sys-error, #b00020);
    }
    .events {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .events li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class AlertsPanelComponent {
  private readonly api = inject(AlertsApiService);
  readonly apiKeys = input<ApiKey[]>([]);

  protected readonly ruleColumns = ['metric', 'key', 'state', 'actions'];
  protected readonly metricLabel = metricLabel;
  protected readonly formatMetric = formatMetric;
  protected readonly forecastText = forecastText;

  protected readonly rules = rxResource({ stream: () => this.api.rules() });
  protected readonly events = rxResource({ stream: () => this.api.events() });
  protected readonly ruleRows = computed<AlertRuleDto[]>(() => (this.rules.hasValue() ? this.rules.value() : []));
  protected readonly eventRows = computed<AlertEventDto[]>(() => (this.events.hasValue() ? this.events.value() : []));
  protected readonly rulesError = computed(() => (this.rules.error() ? errorMessage(this.rules.error()) : null));
  protected readonly eventsError = computed(() => (this.events.error() ? errorMessage(this.events.error()) : null));

  constructor() {
    inject(RealtimeService)
      .alerts$.pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.rules.reload();
        this.events.reload();
      });
  }

  protected keyName(id: string | null): string {
    if (id === null) {
      return 'Dashboard (JWT) calls';
    }
    return this.apiKeys().find((key) => key.id === id)?.name ?? id;
  }

  protected remove(rule: AlertRuleDto): void {
    this.api.remove(rule.id).subscribe(() => this.rules.reload());
  }
}
