import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, input, viewChild } from '@angular/core';
import { SearchAnalytics } from '../../core/api/api.types';
import { LineChartComponent } from '../../ui/charts/line-chart.component';
import { observedWidth } from '../../ui/charts/observed-width';
import { searchRateSeries } from './chart-data';

@Component({
  selector: 'app-search-insights',
  imports: [DecimalPipe, DatePipe, LineChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = insights();
    <p class="muted summary">
      {{ s.total_jobs | number }} search job(s) · {{ s.by_status.completed | number }} completed ·
      {{ s.by_status.failed | number }} failed · p95
      {{ s.latency_ms.p95 === null ? '–' : (s.latency_ms.p95 | number: '1.0-1') + ' ms' }}
    </p>
    <div class="cards" data-testid="search-click-cards">
      <div class="card" data-testid="card-ctr">
        <span class="label">Click-through rate</span>
        <strong>{{ s.click_through_rate * 100 | number: '1.0-1' }}%</strong>
        <small>{{ s.clicks | number }} click(s)</small>
      </div>
      <div class="card" data-testid="card-no-result" [class.bad]="s.no_result_rate > 0.2">
        <span class="label">No-result rate</span>
        <strong>{{ s.no_result_rate * 100 | number: '1.0-1' }}%</strong>
        <small>searches that found nothing</small>
      </div>
      <div class="card" data-testid="card-click-position">
        <span class="label">Avg click position</span>
        <strong>{{ s.average_click_position ? (s.average_click_position | number: '1.0-1') : '–' }}</strong>
        <small>1 is the top result</small>
      </div>
    </div>
    @if (rateSeries(); as series) {
      <div class="daily" data-testid="search-rates-chart">
        <h3>Click-through and no-result rates per day</h3>
        <!-- Sized from the frame: ngx-charts measures its parent once, and projected content starts detached. -->
        <div class="chart-box" #chartBox>
          @if (chartWidth() > 0) {
            <app-line-chart
              [series]="series"
              label="Click-through and no-result rates per day"
              [percent]="true"
              [height]="200"
              [view]="[chartWidth(), 200]"
            />
          }
        </div>
      </div>
    }
    @if (s.queries.length > 0) {
      <h3>Queries</h3>
      <div class="scroll">
        <table class="mini" data-testid="query-click-stats">
          <thead>
            <tr>
              <th>Query</th>
              <th>Searches</th>
              <th>CTR</th>
              <th>No results</th>
              <th>Avg position</th>
            </tr>
          </thead>
          <tbody>
            @for (row of s.queries; track row.query) {
              <tr>
                <td class="query">{{ row.query }}</td>
                <td>{{ row.count | number }}</td>
                <td>{{ row.click_through_rate * 100 | number: '1.0-1' }}%</td>
                <td [class.warn]="row.no_result_rate > 0">{{ row.no_result_rate * 100 | number: '1.0-1' }}%</td>
                <td>{{ row.average_click_position ? (row.average_click_position | number: '1.0-1') : '–' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
    <div class="lists">
      <div>
        <h3>Top queries</h3>
        @if (s.top_queries.length === 0) {
          <p class="muted">No searches in this range yet.</p>
        } @else {
          <table class="mini" data-testid="top-queries">
            <thead>
              <tr>
                <th>Query</th>
                <th>Searches</th>
                <th>Avg results</th>
              </tr>
            </thead>
            <tbody>
              @for (row of s.top_queries; track row.query) {
                <tr>
                  <td class="query">{{ row.query }}</td>
                  <td>{{ row.count | number }}</td>
                  <td>{{ row.avg_result_count | number: '1.0-1' }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </div>
      <div>
        <h3>Queries with no results</h3>
        @if (s.zero_result_queries.length === 0) {
          <p class="muted">Every query found something. Nice.</p>
        } @else {
          <table class="mini" data-testid="zero-result-queries">
            <thead>
              <tr>
                <th>Query</th>
                <th>Searches</th>
                <th>Last searched</th>
              </tr>
            </thead>
            <tbody>
              @for (row of s.zero_result_queries; track row.query) {
                <tr>
                  <td class="query">{{ row.query }}</td>
                  <td>{{ row.count | number }}</td>
                  <td>{{ row.last_searched_at | date: 'MMM d, HH:mm' }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </div>
    </div>
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
      gap: 12px;
      margin-bottom: 16px;
    }
    .card {
      border: 1px solid #d8dee4;
      border-radius: 10px;
      padding: 12px 14px;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .label {
      font-size: 0.75rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: #57606a;
    }
    .card strong {
      font-size: 1.35rem;
      font-weight: 650;
    }
    .card small {
      color: #57606a;
    }
    .bad strong,
    .warn {
      color: #b42318;
    }
    :host,
    .daily app-line-chart {
      display: block;
    }
    /* ngx-charts floats its chart; the frame holds it so the table starts below. */
    .chart-box {
      min-height: 200px;
    }
    .daily {
      display: flow-root;
      margin-bottom: 16px;
    }
    .scroll {
      overflow-x: auto;
      margin-bottom: 16px;
    }
    .lists {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 20px;
    }
    h3 {
      font-size: 0.95rem;
      margin: 0 0 8px;
    }
    .summary {
      margin-top: 0;
    }
    .mini {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.88rem;
    }
    .mini th {
      text-align: left;
      color: #57606a;
      font-weight: 500;
      border-bottom: 1px solid #d8dee4;
      padding: 4px 6px;
    }
    .mini td {
      padding: 5px 6px;
      border-bottom: 1px solid #eef1f5;
    }
    .query {
      font-family: ui-monospace, monospace;
      word-break: break-word;
    }
  `,
})
export class SearchInsightsComponent {
  readonly insights = input.required<SearchAnalytics>();

  private readonly chartBox = viewChild<ElementRef<HTMLElement>>('chartBox');
  protected readonly chartWidth = observedWidth(this.chartBox);

  /** Null without any search in the range. */
  protected readonly rateSeries = computed(() => {
    const days = this.insights().daily;
    return days.some((day) => day.searches > 0) ? searchRateSeries(days) : null;
  });
}
