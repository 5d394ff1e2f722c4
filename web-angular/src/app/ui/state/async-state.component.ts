import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';

/**
 * The loading / error / empty frame every async view shares; the projected content shows only when
 * there is data. `error` is already a readable sentence.
 */
@Component({
  selector: 'app-async-state',
  imports: [MatProgressSpinnerModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as message) {
      <div class="state state-error" role="alert">
        <strong>{{ errorTitle() }}</strong>
        <span>{{ message }}</span>
        <button mat-stroked-button type="button" (click)="retry.emit()">Try again</button>
      </div>
    } @else if (loading() && !hasStaleData()) {
      <div class="state state-loading" role="status" aria-live="polite">
        <mat-progress-spinner mode="indeterminate" diameter="28" />
        <span>{{ loadingText() }}</span>
      </div>
    } @else if (empty()) {
      <div class="state state-empty">
        <strong>{{ emptyTitle() }}</strong>
        <span>{{ emptyText() }}</span>
        <ng-content select="[emptyAction]" />
      </div>
    } @else {
      <ng-content />
    }
  `,
  styles: `
    .state {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 28px 16px;
      text-align: center;
      color: #57606a;
    }
    .state strong {
      color: #1f2328;
    }
    .state-error {
      background: #fff5f5;
      border: 1px solid #ffc9c9;
      border-radius: 8px;
    }
    .state-error strong {
      color: #b42318;
    }
  `,
})
export class AsyncStateComponent {
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly empty = input(false);
  /** Keeps showing the previous data during a reload instead of flashing a spinner. */
  readonly hasStaleData = input(false);
  readonly loadingText = input('Loading…');
  readonly errorTitle = input('Could not load this data');
  readonly emptyTitle = input('Nothing here yet');
  readonly emptyText = input('');
  readonly retry = output<void>();
}
