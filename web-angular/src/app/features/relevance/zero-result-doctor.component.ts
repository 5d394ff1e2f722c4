import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { PinReportDto, ProposedFixDto } from '@video-search/sdk/angular';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { PinReportComponent } from './pin-report.component';
import { causeTitle, pinRegressionReport } from './relevance';
import { RelevanceApiService } from './relevance-api.service';

interface Refusal {
  fix: ProposedFixDto;
  message: string;
  report: PinReportDto;
}

@Component({
  selector: 'app-zero-result-doctor',
  imports: [DatePipe, DecimalPipe, MatButtonModule, AsyncStateComponent, PinReportComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="doctor">
      <div class="queries">
        <h3>Recent queries with no results</h3>
        <app-async-state
          [loading]="queries.isLoading()"
          [error]="queriesError()"
          [empty]="queryRows().length === 0"
          emptyTitle="No query came back empty"
          emptyText="Searches of the last 30 days that found nothing show up here."
          (retry)="queries.reload()"
        >
          <ul class="query-list" data-testid="no-result-queries">
            @for (row of queryRows(); track row.query) {
              <li>
                <button
                  type="button"
                  class="query"
                  data-testid="no-result-query"
                  [class.selected]="row.query === selected()"
                  [attr.aria-pressed]="row.query === selected()"
                  (click)="choose(row.query)"
                >
                  <span class="mono">{{ row.query }}</span>
                  <small class="muted">
                    {{ row.count | number }} search(es) · {{ row.last_searched_at | date: 'MMM d, HH:mm' }}
                  </small>
                </button>
              </li>
            }
          </ul>
        </app-async-state>
      </div>
      <div class="diagnosis" data-testid="diagnosis">
        @if (selected(); as query) {
          <app-async-state
            [loading]="diagnosis.isLoading()"
            [error]="diagnosisError()"
            loadingText="Diagnosing…"
            errorTitle="Could not diagnose this query"
            (retry)="diagnosis.reload()"
          >
            @if (diagnosis.hasValue()) {
              @let d = diagnosis.value();
              <h3>Why "{{ d.query }}" finds nothing</h3>
              <p class="muted">
                {{ d.no_result_searches | number }} empty search(es) in the last {{ d.window.days }} days · matches
                today: <strong data-testid="matches-now">{{ d.matches_now | number }}</strong>
                @if (d.matches_without_filters !== d.matches_now) {
                  ({{ d.matches_without_filters | number }} without filters)
                }
              </p>
              @if (d.causes.length === 0) {
                <p class="ok" data-testid="diagnosis-fixed">It finds something today: nothing to fix.</p>
              }
              <ul class="causes">
                @for (cause of d.causes; track cause.code) {
                  <li data-testid="cause" [attr.data-code]="cause.code">
                    <strong>{{ title(cause.code) }}</strong> · {{ cause.message }}
                  </li>
                }
              </ul>
              @if (d.words.length > 0) {
                <table class="data ruled words" aria-label="Query words">
                  <thead>
                    <tr>
                      <th scope="col">Word</th>
                      <th scope="col">Videos</th>
                      <th scope="col">Stop word</th>
                      <th scope="col">Closest word</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (word of d.words; track $index) {
                      <tr>
                        <td class="mono">{{ word.word }}</td>
                        <td>{{ word.documents | number }}</td>
                        <td>
                          {{ word.stop_word === 'built_in' ? 'built in' : word.stop_word === 'owner' ? 'yours' : '–' }}
                        </td>
                        <td>
                          @if (word.nearest; as nearest) {
                            <span class="mono">{{ nearest.word }}</span> ({{ nearest.distance }} edit(s),
                            {{ word.typo_reaches_nearest ? 'corrected' : 'beyond the tolerance' }})
                          } @else {
                            –
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              }
              @if (d.fixes.length > 0) {
                <h4>Proposed fixes</h4>
                <ul class="fixes">
                  @for (fix of d.fixes; track fix.id) {
                    <li class="fix" data-testid="fix" [attr.data-fix]="fix.id">
                      <div>
                        <p>{{ fix.description }}</p>
                        <small class="muted">
                          {{ fix.answers_query ? 'Answers this query' : 'Does not answer this query' }} · would answer
                          <strong>{{ fix.answered_searches | number }}</strong> of the last {{ d.window.days }} days'
                          {{ d.window.no_result_searches | number }} empty search(es)
                        </small>
                      </div>
                      <button mat-flat-button type="button" [disabled]="applying() !== null" (click)="apply(fix)">
                        {{ applying() === fix.id ? 'Applying…' : 'Apply' }}
                      </button>
                    </li>
                  }
                </ul>
              }
              @if (refusal(); as refused) {
                <div class="refusal" role="alert" data-testid="pin-regression">
                  <p>
                    <strong>{{ refused.message }}</strong>
                  </p>
                  <app-pin-report [report]="refused.report" />
                  <div class="actions">
                    <button mat-stroked-button type="button" (click)="refusal.set(null)">Keep the settings</button>
                    <button
                      mat-flat-button
                      type="button"
                      [disabled]="applying() !== null"
                      (click)="apply(refused.fix, true)"
                    >
                      Apply anyway
                    </button>
                  </div>
                </div>
              }
            }
          </app-async-state>
        } @else {
          <p class="muted pick">Choose a query to see why it finds nothing and what would fix it.</p>
        }
      </div>
    </div>
  `,
  styles: `
    .doctor {
      display: grid;
      grid-template-columns: minmax(220px, 1fr) 2fr;
      gap: 24px;
    }
    @media (max-width: 800px) {
      .doctor {
        grid-template-columns: 1fr;
      }
    }
    .query-list,
    .causes,
    .fixes {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .query {
      display: flex;
      flex-direction: column;
      width: 100%;
      text-align: left;
      background: none;
      border: 1px solid transparent;
      border-radius: 8px;
      padding: 8px 10px;
      cursor: pointer;
      font: inherit;
    }
    .query:hover,
    .query.selected {
      background: #eef3fd;
      border-color: #c2d4f8;
    }
    .causes li {
      margin-bottom: 6px;
    }
    .words {
      margin: 12px 0;
    }
    .fix {
      display: flex;
      gap: 12px;
      align-items: center;
      justify-content: space-between;
      border: 1px solid #d8dee4;
      border-radius: 8px;
      padding: 10px 12px;
      margin-bottom: 8px;
    }
    .fix p {
      margin: 0 0 4px;
    }
    .refusal {
      border: 1px solid #ffc9c9;
      background: #fff5f5;
      border-radius: 8px;
      padding: 12px;
      margin-top: 12px;
    }
    .actions {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
      margin-top: 8px;
    }
    .ok {
      color: #1a7f37;
    }
    h3 {
      margin-top: 0;
    }
  `,
})
export class ZeroResultDoctorComponent {
  private readonly api = inject(RelevanceApiService);
  private readonly notify = inject(NotifyService);
  private readonly userId = inject(SessionService).requireUserId();

  /** A fix changed the settings: the pins' health may have moved with them. */
  readonly settingsChanged = output<void>();

  protected readonly selected = signal<string | null>(null);
  protected readonly applying = signal<string | null>(null);
  protected readonly refusal = signal<Refusal | null>(null);

  protected readonly queries = rxResource({ stream: () => this.api.noResultQueries() });
  protected readonly queryRows = computed(() => (this.queries.hasValue() ? this.queries.value() : []));
  protected readonly queriesError = computed(() => (this.queries.error() ? errorMessage(this.queries.error()) : null));

  protected readonly diagnosis = rxResource({
    params: () => this.selected() ?? undefined,
    stream: ({ params: query }) => this.api.diagnose(query),
  });
  protected readonly diagnosisError = computed(() =>
    this.diagnosis.error() ? errorMessage(this.diagnosis.error()) : null,
  );

  protected readonly title = causeTitle;

  protected choose(query: string): void {
    this.refusal.set(null);
    this.selected.set(query);
  }

  protected apply(fix: ProposedFixDto, force = false): void {
    this.applying.set(fix.id);
    this.api.applySettings(this.userId, fix.settings, force).subscribe({
      next: () => {
        this.applying.set(null);
        this.refusal.set(null);
        this.notify.success(force ? 'Fix applied despite the pinned queries' : 'Fix applied to your search settings');
        this.diagnosis.reload();
        this.settingsChanged.emit();
      },
      error: (error: unknown) => {
        this.applying.set(null);
        const report = pinRegressionReport(error);
        if (report) {
          this.refusal.set({ fix, message: errorMessage(error), report });
        } else {
          this.notify.error(errorMessage(error));
        }
      },
    });
  }
}
