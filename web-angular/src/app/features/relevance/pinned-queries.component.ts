import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { PinDto, PinReportDto } from '@video-search/sdk/angular';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { PinFormComponent } from './pin-form.component';
import { PinHealthChartComponent } from './pin-health-chart.component';
import { PinReportComponent } from './pin-report.component';
import { RelevanceApiService } from './relevance-api.service';

@Component({
  selector: 'app-pinned-queries',
  imports: [
    DecimalPipe,
    PercentPipe,
    MatButtonModule,
    AsyncStateComponent,
    PinFormComponent,
    PinHealthChartComponent,
    PinReportComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-pin-form (pinned)="onPinned($event)" />
    <div class="head">
      <h3>Pins</h3>
      @if (pins.hasValue() && pins.value().pins.length > 0) {
        <span class="muted" data-testid="pins-means">
          MRR {{ pins.value().mrr | number: '1.2-2' }} · recall {{ pins.value().recall | percent }} (top
          {{ pins.value().depth }} results)
        </span>
      }
      <span class="spacer"></span>
      <button mat-stroked-button type="button" [disabled]="checking() || rows().length === 0" (click)="check()">
        {{ checking() ? 'Checking…' : 'Check now' }}
      </button>
    </div>
    @if (report(); as checked) {
      <div class="report" data-testid="pin-check-report">
        <app-pin-report [report]="checked" />
      </div>
    }
    <app-async-state
      [loading]="pins.isLoading()"
      [hasStaleData]="pins.hasValue()"
      [error]="pinsError()"
      [empty]="rows().length === 0"
      emptyTitle="No pinned query yet"
      emptyText="Pin a key query with the videos it must find: settings changes that make it worse are then refused."
      (retry)="pins.reload()"
    >
      <table class="data ruled" aria-label="Pinned queries">
        <thead>
          <tr>
            <th scope="col">Query</th>
            <th scope="col">Expected videos</th>
            <th scope="col">Match</th>
            <th scope="col">Reciprocal rank</th>
            <th scope="col">Recall</th>
            <th scope="col"><span class="cdk-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          @for (pin of rows(); track pin.id) {
            <tr data-testid="pin-row">
              <td class="mono">{{ pin.query }}</td>
              <td class="mono">{{ pin.expected_video_ids.join(', ') }}</td>
              <td>{{ pin.mode === 'ordered' ? 'in order' : 'as a set' }}</td>
              <td data-testid="pin-rr">{{ pin.health.reciprocal_rank | number: '1.2-2' }}</td>
              <td>{{ pin.health.recall | percent }}</td>
              <td>
                <button mat-button type="button" [disabled]="deleting() === pin.id" (click)="remove(pin)">
                  Delete
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </app-async-state>
    <h3>Health over time</h3>
    @if (historyError(); as message) {
      <p class="field-error" role="alert">{{ message }}</p>
    } @else if (checks().length === 0) {
      <p class="muted" data-testid="pin-history-empty">No check recorded yet: "Check now" records one.</p>
    } @else {
      <app-pin-health-chart [checks]="checks()" />
      @if (checks().length === 1) {
        <p class="muted">One check so far: the lines start with the next one.</p>
      }
    }
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 12px 0 8px;
    }
    .head h3 {
      margin: 0;
    }
    .spacer {
      flex: 1;
    }
    .report {
      border: 1px solid #d8dee4;
      border-radius: 8px;
      padding: 12px;
      margin-bottom: 12px;
    }
  `,
})
export class PinnedQueriesComponent {
  private readonly api = inject(RelevanceApiService);
  private readonly notify = inject(NotifyService);
  private readonly userId = inject(SessionService).requireUserId();

  protected readonly checking = signal(false);
  protected readonly deleting = signal<string | null>(null);
  protected readonly report = signal<PinReportDto | null>(null);

  protected readonly pins = rxResource({ stream: () => this.api.pins(this.userId) });
  protected readonly rows = computed(() => (this.pins.hasValue() ? this.pins.value().pins : []));
  protected readonly pinsError = computed(() => (this.pins.error() ? errorMessage(this.pins.error()) : null));

  protected readonly history = rxResource({ stream: () => this.api.history(this.userId) });
  protected readonly checks = computed(() => (this.history.hasValue() ? this.history.value() : []));
  protected readonly historyError = computed(() => (this.history.error() ? errorMessage(this.history.error()) : null));

  /** Settings changed elsewhere on the page: each pin's health today changed with them. */
  refresh(): void {
    this.pins.reload();
    this.history.reload();
  }

  protected onPinned(pin: PinDto): void {
    this.notify.success(`Pinned "${pin.query}"`);
    this.pins.reload();
  }

  protected check(): void {
    this.checking.set(true);
    this.api.checkPins(this.userId).subscribe({
      next: (report) => {
        this.checking.set(false);
        this.report.set(report);
        this.refresh();
      },
      error: (error: unknown) => {
        this.checking.set(false);
        this.notify.error(errorMessage(error));
      },
    });
  }

  protected remove(pin: PinDto): void {
    this.deleting.set(pin.id);
    this.api.removePin(this.userId, pin.id).subscribe({
      next: () => {
        this.deleting.set(null);
        this.notify.success(`Unpinned "${pin.query}"`);
        this.pins.reload();
      },
      error: (error: unknown) => {
        this.deleting.set(null);
        this.notify.error(errorMessage(error));
      },
    });
  }
}
