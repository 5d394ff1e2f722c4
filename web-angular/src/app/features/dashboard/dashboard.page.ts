import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { debounceTime, merge } from 'rxjs';
import { AnalyticsApiService } from '../../core/api/analytics-api.service';
import { errorMessage } from '../../core/http/api-error';
import { pollWhileOffline } from '../../core/realtime/live-fallback';
import { RealtimeService } from '../../core/realtime/realtime.service';
import { lastDays } from '../../core/util/dates';
import { BarChartComponent } from '../../ui/charts/bar-chart.component';
import { LineChartComponent } from '../../ui/charts/line-chart.component';
import { errorRateSeries, requestSeries } from '../../ui/charts/usage-series';
import { QuotaPanelComponent } from '../../ui/quota/quota-panel.component';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { endpointPoints, latencyPoints } from './chart-data';
import { ExportPanelComponent } from './export-panel.component';
import { SearchInsightsComponent } from './search-insights.component';
import { SearchJobsComponent } from './search-jobs.component';
import { UsageCardsComponent } from './usage-cards.component';

export const USAGE_POLL_MS = 10_000;
export const RANGE_OPTIONS = [7, 14, 30, 90] as const;

@Component({
  selector: 'app-dashboard-page',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    AsyncStateComponent,
    LineChartComponent,
    BarChartComponent,
    UsageCardsComponent,
    QuotaPanelComponent,
    SearchInsightsComponent,
    SearchJobsComponent,
    ExportPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export default class DashboardPage {
  private readonly api = inject(AnalyticsApiService);
  private readonly realtime = inject(RealtimeService);

  protected readonly rangeOptions = RANGE_OPTIONS;
  protected readonly rangeDays = signal<number>(14);
  protected readonly range = computed(() => lastDays(this.rangeDays()));

  protected readonly usage = rxResource({ params: () => this.range(), stream: ({ params }) => this.api.usage(params) });
  protected readonly daily = rxResource({ params: () => this.range(), stream: ({ params }) => this.api.daily(params) });
  protected readonly quota = rxResource({ stream: () => this.api.quota() });
  protected readonly search = rxResource({
    params: () => this.range(),
    stream: ({ params }) => this.api.search(params),
  });

  protected readonly usageError = computed(() => (this.usage.error() ? errorMessage(this.usage.error()) : null));
  protected readonly dailyError = computed(() => (this.daily.error() ? errorMessage(this.daily.error()) : null));
  protected readonly quotaError = computed(() => (this.quota.error() ? errorMessage(this.quota.error()) : null));
  protected readonly searchError = computed(() => (this.search.error() ? errorMessage(this.search.error()) : null));

  protected readonly days = computed(() => (this.daily.hasValue() ? this.daily.value() : []));
  protected readonly noTraffic = computed(() => this.days().every((day) => day.requests === 0));
  protected readonly requestLines = computed(() => requestSeries(this.days()));
  protected readonly errorLines = computed(() => errorRateSeries(this.days()));
  protected readonly endpointBars = computed(() =>
    this.usage.hasValue() ? endpointPoints(this.usage.value().endpoints) : [],
  );
  protected readonly latencyBars = computed(() =>
    this.usage.hasValue() ? latencyPoints(this.usage.value().latency_histogram) : [],
  );

  constructor() {
    // Server-side analytics events are throttled already; the debounce merges them with a poll tick.
    merge(this.realtime.analyticsUpdates$, pollWhileOffline(this.realtime.mode$, USAGE_POLL_MS))
      .pipe(debounceTime(500), takeUntilDestroyed())
      .subscribe(() => this.refresh());
  }

  protected refresh(): void {
    this.usage.reload();
    this.daily.reload();
    this.quota.reload();
    this.search.reload();
  }
}
