import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { SearchApiService } from '../../core/api/search-api.service';
import { errorMessage } from '../../core/http/api-error';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { partLabel } from './explain';

export interface ComparePair {
  userId: number;
  jobId: string;
  a: number;
  b: number;
}

/** Why result A ranks where it does against B: the score parts side by side, largest gap first. */
@Component({
  selector: 'app-compare-panel',
  imports: [DecimalPipe, MatButtonModule, AsyncStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="compare" aria-label="Comparison of two results" data-testid="compare-panel">
      <header>
        <h2>Why one ranks above the other</h2>
        <button mat-button type="button" (click)="closed.emit()" data-testid="compare-close">Close</button>
      </header>
      <app-async-state
        [loading]="comparison.isLoading()"
        [error]="error()"
        errorTitle="Could not compare these results"
        loadingText="Comparing…"
        (retry)="comparison.reload()"
      >
        @if (comparison.value(); as c) {
          <p class="summary" data-testid="compare-summary">{{ c.summary }}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Part</th>
                <th scope="col" class="num" data-testid="compare-a">{{ c.a.title }}</th>
                <th scope="col" class="num" data-testid="compare-b">{{ c.b.title }}</th>
                <th scope="col" class="num">Difference</th>
              </tr>
            </thead>
            <tbody>
              @for (row of c.differences; track row.part) {
                <tr data-testid="compare-row" [attr.data-part]="row.part">
                  <th scope="row">{{ label(row.part) }}</th>
                  <td class="num mono">{{ row.a | number: '1.3-3' }}</td>
                  <td class="num mono">{{ row.b | number: '1.3-3' }}</td>
                  <td class="num mono" [class.up]="row.difference > 0" [class.down]="row.difference < 0">
                    {{ row.difference | number: '1.3-3' }}
                  </td>
                </tr>
              }
              <tr class="total">
                <th scope="row">Score</th>
                <td class="num mono">{{ c.a.relevance_score | number: '1.3-3' }}</td>
                <td class="num mono">{{ c.b.relevance_score | number: '1.3-3' }}</td>
                <td class="num mono" data-testid="compare-difference">{{ c.score_difference | number: '1.3-3' }}</td>
              </tr>
            </tbody>
          </table>
        }
      </app-async-state>
    </section>
  `,
  styles: `
    .compare {
      margin-bottom: 16px;
      padding: 12px 16px;
      border: 1px solid #d0d7de;
      border-radius: 8px;
      background: #fff;
    }
    header {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    h2 {
      font-size: 1rem;
      margin: 0;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    th,
    td {
      padding: 3px 6px;
      text-align: left;
    }
    thead th {
      color: #57606a;
      font-weight: 500;
      border-bottom: 1px solid #d0d7de;
    }
    .num {
      text-align: right;
    }
    .up {
      color: #1a7f37;
    }
    .down {
      color: #b42318;
    }
    .total th,
    .total td {
      border-top: 1px solid #d0d7de;
      font-weight: 600;
    }
  `,
})
export class ComparePanelComponent {
  private readonly api = inject(SearchApiService);

  readonly pair = input.required<ComparePair>();
  readonly closed = output<void>();

  protected readonly comparison = rxResource({
    params: () => this.pair(),
    stream: ({ params }) => this.api.compare(params.userId, params.jobId, params.a, params.b),
  });
  protected readonly error = computed(() => (this.comparison.error() ? errorMessage(this.comparison.error()) : null));
  protected readonly label = partLabel;
}
