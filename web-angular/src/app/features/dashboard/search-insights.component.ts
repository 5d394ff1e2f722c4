import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { SearchAnalytics } from '../../core/api/api.types';

@Component({
  selector: 'app-search-insights',
  imports: [DecimalPipe, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = insights();
    <p class="muted summary">
      {{ s.total_jobs | number }} search job(s) · {{ s.by_status.completed | number }} completed ·
      {{ s.by_status.failed | number }} failed · p95 {{ s.latency_ms.p95 | number: '1.0-1' }} ms
    </p>
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
}
