import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Quota } from '../../core/api/api.types';
import { QuotaGaugeComponent } from '../charts/quota-gauge.component';

@Component({
  selector: 'app-quota-panel',
  imports: [QuotaGaugeComponent, DatePipe, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = quota();
    <div class="gauges">
      <app-quota-gauge
        title="Daily quota"
        [used]="q.daily.used"
        [limit]="q.daily.limit"
        [remaining]="q.daily.remaining"
        [resetAt]="q.daily.reset_at"
      />
      <app-quota-gauge
        title="Monthly quota"
        [used]="q.monthly.used"
        [limit]="q.monthly.limit"
        [remaining]="q.monthly.remaining"
        [resetAt]="q.monthly.reset_at"
      />
    </div>
    <p class="muted rate">
      Rate limit:
      @if (q.rate_limit.limit !== null) {
        {{ q.rate_limit.remaining | number }} of {{ q.rate_limit.limit | number }} requests left this minute (resets
        {{ q.rate_limit.reset_at | date: 'HH:mm:ss' }})
      } @else {
        no per-minute limit
      }
      · scope: {{ q.scope === 'api_key' ? 'this API key' : 'your account' }}
    </p>
  `,
  styles: `
    .gauges {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-around;
      gap: 16px;
    }
    .rate {
      font-size: 0.85rem;
      text-align: center;
      margin-bottom: 0;
    }
  `,
})
export class QuotaPanelComponent {
  readonly quota = input.required<Quota>();
}
