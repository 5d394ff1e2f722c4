import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PinReportDto } from '@video-search/sdk/angular';

/** Each pin's score before and after: what a settings change or a check did to the pinned queries. */
@Component({
  selector: 'app-pin-report',
  imports: [DecimalPipe, PercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = report();
    <p class="summary" data-testid="pin-report-summary">
      MRR {{ r.mrr_before | number: '1.2-2' }} → <strong>{{ r.mrr_after | number: '1.2-2' }}</strong> · recall
      {{ r.recall_before | percent }} → <strong>{{ r.recall_after | percent }}</strong> · {{ r.regressions }} worse,
      {{ r.improvements }} better (top {{ r.depth }} results)
    </p>
    @if (r.pins.length > 0) {
      <table class="data ruled" aria-label="Pinned queries before and after">
        <thead>
          <tr>
            <th scope="col">Query</th>
            <th scope="col">Reciprocal rank</th>
            <th scope="col">Recall</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          @for (row of r.pins; track row.pin.id) {
            <tr data-testid="pin-report-row" [attr.data-verdict]="row.verdict">
              <td class="mono">{{ row.pin.query }}</td>
              <td>
                {{ row.before.reciprocal_rank | number: '1.2-2' }} → {{ row.after.reciprocal_rank | number: '1.2-2' }}
              </td>
              <td>{{ row.before.recall | percent }} → {{ row.after.recall | percent }}</td>
              <td [class.worse]="row.verdict === 'worse'" [class.better]="row.verdict === 'better'">
                {{ row.verdict }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .summary {
      margin: 0 0 8px;
    }
    .worse {
      color: #b42318;
      font-weight: 600;
    }
    .better {
      color: #1a7f37;
    }
  `,
})
export class PinReportComponent {
  readonly report = input.required<PinReportDto>();
}
