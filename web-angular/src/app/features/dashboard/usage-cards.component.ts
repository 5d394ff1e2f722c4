import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { UsageSummary } from '../../core/api/api.types';

@Component({
  selector: 'app-usage-cards',
  imports: [DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let u = usage();
    <div class="cards">
      <div class="card" data-testid="card-today">
        <span class="label">Requests today</span><strong>{{ u.totals.today | number }}</strong>
      </div>
      <div class="card" data-testid="card-week">
        <span class="label">This week</span><strong>{{ u.totals.this_week | number }}</strong>
      </div>
      <div class="card" data-testid="card-month">
        <span class="label">This month</span><strong>{{ u.totals.this_month | number }}</strong>
      </div>
      <div class="card" data-testid="card-success" [class.bad]="u.totals.in_range > 0 && u.success_rate < 95">
        <span class="label">Success rate</span>
        <strong>{{ u.totals.in_range > 0 ? (u.success_rate | number: '1.0-1') + '%' : '–' }}</strong>
        <small>{{ u.error_count | number }} error(s) in range</small>
      </div>
      <div class="card" data-testid="card-latency">
        <span class="label">Avg latency</span
        ><strong>{{ u.latency_ms.avg === null ? '–' : (u.latency_ms.avg | number: '1.0-1') + ' ms' }}</strong>
      </div>
      <div class="card" data-testid="card-p95">
        <span class="label">p90 / p95 / p99 latency</span>
        <strong>
          @if (u.latency_ms.p95 === null) {
            –
          } @else {
            {{ u.latency_ms.p90 | number: '1.0-1' }} / {{ u.latency_ms.p95 | number: '1.0-1' }} /
            {{ u.latency_ms.p99 | number: '1.0-1' }} ms
          }
        </strong>
      </div>
    </div>
  `,
  styles: `
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
      gap: 12px;
      margin-bottom: 20px;
    }
    .card {
      background: #fff;
      border: 1px solid #d8dee4;
      border-radius: 10px;
      padding: 14px 16px;
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
    strong {
      font-size: 1.45rem;
      font-weight: 650;
    }
    small {
      color: #57606a;
    }
    .bad strong {
      color: #b42318;
    }
  `,
})
export class UsageCardsComponent {
  readonly usage = input.required<UsageSummary>();
}
