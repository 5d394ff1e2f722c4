import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ScoreExplanation } from '../../core/api/search.types';
import { clockTime, fieldsDescription, matchDescription, partsView } from './explain';

/** One result's explanation: how each query word matched and the score parts, which add up to the score. */
@Component({
  selector: 'app-score-explanation',
  imports: [DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="explanation" data-testid="score-explanation">
      <table class="words" aria-label="How each query word matched">
        <thead>
          <tr>
            <th scope="col">Word</th>
            <th scope="col">Match</th>
            <th scope="col">Fields</th>
            <th scope="col">Captions</th>
            <th scope="col" class="num">Part</th>
          </tr>
        </thead>
        <tbody>
          @for (word of explanation().words; track $index) {
            <tr data-testid="explain-word" [attr.data-kind]="word.kind">
              <td class="mono">{{ word.word }}</td>
              <td [class.none]="word.kind === 'none'">{{ match(word) }}</td>
              <td>{{ fields(word) }}</td>
              <td>
                @if (word.caption_cue; as cue) {
                  <span [title]="cue.text">{{ clock(cue.start_ms) }} “{{ cue.matched }}”</span>
                } @else {
                  –
                }
              </td>
              <td class="num mono">{{ word.part | number: '1.3-3' }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5" class="muted">Every query word was a stop word.</td>
            </tr>
          }
        </tbody>
      </table>

      <table class="parts" aria-label="Score parts">
        <tbody>
          @for (row of parts().rows; track row.key) {
            <tr data-testid="explain-part" [attr.data-part]="row.key" [attr.data-value]="row.value">
              <th scope="row">{{ row.label }}</th>
              <td class="bar-cell">
                <span class="bar" [class.negative]="row.value < 0" [style.width.%]="row.width"></span>
              </td>
              <td class="num mono">{{ row.value | number: '1.3-3' }}</td>
            </tr>
          }
          <tr
            class="total"
            data-testid="explain-sum"
            [attr.data-sum]="parts().sum"
            [attr.data-adds-up]="parts().addsUp"
          >
            <th scope="row">Sum</th>
            <td>
              @if (parts().addsUp) {
                <span class="ok">= relevance score {{ parts().score | number: '1.3-3' }}</span>
              } @else {
                <span class="off">differs from relevance score {{ parts().score | number: '1.3-3' }}</span>
              }
            </td>
            <td class="num mono">{{ parts().sum | number: '1.3-3' }}</td>
          </tr>
        </tbody>
      </table>
      <p class="muted small">
        Coverage {{ explanation().coverage | number: '1.0-2' }} of the query words; first-pass score
        {{ explanation().fields_score | number: '1.3-3' }}.
      </p>
    </div>
  `,
  styles: `
    .explanation {
      margin-top: 8px;
      padding: 10px 12px;
      background: #f6f8fa;
      border-radius: 6px;
      font-size: 0.85rem;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      margin-bottom: 8px;
    }
    th,
    td {
      padding: 3px 6px;
      text-align: left;
      vertical-align: top;
    }
    thead th {
      color: #57606a;
      font-weight: 500;
      border-bottom: 1px solid #d0d7de;
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
    .none {
      color: #b42318;
    }
    .parts th {
      font-weight: 400;
      white-space: nowrap;
    }
    .bar-cell {
      width: 100%;
    }
    .bar {
      display: inline-block;
      height: 8px;
      min-width: 1px;
      border-radius: 4px;
      background: #1f4e8c;
    }
    .bar.negative {
      background: #b42318;
    }
    .total th,
    .total td {
      border-top: 1px solid #d0d7de;
      font-weight: 600;
    }
    .ok {
      color: #1a7f37;
    }
    .off {
      color: #b42318;
    }
    .small {
      margin: 0;
    }
  `,
})
export class ScoreExplanationComponent {
  readonly explanation = input.required<ScoreExplanation>();
  readonly score = input.required<number>();

  protected readonly parts = computed(() => partsView(this.explanation(), this.score()));
  protected readonly match = matchDescription;
  protected readonly fields = fieldsDescription;
  protected readonly clock = clockTime;
}
