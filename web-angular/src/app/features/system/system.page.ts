import { DatePipe, DecimalPipe, KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { interval } from 'rxjs';
import { BreakerState } from '../../core/api/api.types';
import { SystemApiService } from '../../core/api/system-api.service';
import { errorMessage } from '../../core/http/api-error';
import { AsyncStateComponent } from '../../ui/state/async-state.component';

export const SYSTEM_REFRESH_MS = 5000;

const BREAKER_TEXT: Record<BreakerState, string> = {
  closed: 'Closed: calls to the search service flow normally.',
  open: 'Open: the search service failed repeatedly; searches answer 503 at once until a probe succeeds.',
  half_open: 'Half open: a probe call is testing whether the search service has recovered.',
};

@Component({
  selector: 'app-system-page',
  imports: [DatePipe, DecimalPipe, KeyValuePipe, MatButtonModule, AsyncStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './system.page.html',
  styleUrl: './system.page.scss',
})
export default class SystemPage {
  private readonly api = inject(SystemApiService);

  protected readonly breaker = rxResource({ stream: () => this.api.circuitBreaker() });
  protected readonly status = rxResource({ stream: () => this.api.status() });
  protected readonly health = rxResource({ stream: () => this.api.health() });

  protected readonly breakerError = computed(() => (this.breaker.error() ? errorMessage(this.breaker.error()) : null));
  protected readonly statusError = computed(() => (this.status.error() ? errorMessage(this.status.error()) : null));
  protected readonly healthError = computed(() => (this.health.error() ? errorMessage(this.health.error()) : null));
  protected readonly breakerText = computed(() =>
    this.breaker.hasValue() ? BREAKER_TEXT[this.breaker.value().state] : '',
  );

  constructor() {
    interval(SYSTEM_REFRESH_MS)
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.refresh());
  }

  protected refresh(): void {
    this.breaker.reload();
    this.status.reload();
    this.health.reload();
  }

  protected isUp(status: unknown): boolean {
    return status === 'up' || status === 'healthy' || status === 'ok' || status === 'SERVING';
  }
}
