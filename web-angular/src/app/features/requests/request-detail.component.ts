import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import type { ApiKey } from '../../core/api/api.types';
import { errorMessage } from '../../core/http/api-error';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { RequestsApiService } from './requests-api.service';
import { TimingBarComponent } from './timing-bar.component';

@Component({
  selector: 'app-request-detail',
  imports: [DatePipe, MatButtonModule, AsyncStateComponent, TimingBarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel detail" aria-labelledby="request-detail-title" data-testid="request-detail">
      <div class="panel-head">
        <h2 id="request-detail-title">
          Request <span class="mono">{{ requestId() }}</span>
        </h2>
        <button mat-button type="button" (click)="closed.emit()">Close</button>
      </div>
      <app-async-state
        [loading]="request.isLoading()"
        [hasStaleData]="request.hasValue()"
        [error]="error()"
        errorTitle="Could not load this request"
        [empty]="false"
        (retry)="request.reload()"
      >
        @if (request.value(); as shown) {
          <dl class="fields">
            <dt>Request id</dt>
            <dd class="mono" data-testid="detail-request-id">{{ shown.request_id }}</dd>
            <dt>Time</dt>
            <dd>{{ shown.occurred_at | date: 'MMM d, y, HH:mm:ss.SSS' }}</dd>
            <dt>Method and route</dt>
            <dd class="mono">{{ shown.method }} {{ shown.route }}</dd>
            <dt>Status</dt>
            <dd data-testid="detail-status">{{ shown.status }}</dd>
            <dt>API key</dt>
            <dd>{{ keyName(shown.api_key_id) }}</dd>
          </dl>
          <h3>Where the time went</h3>
          <app-timing-bar [timing]="shown.timing" />
          <p class="muted small">
            The same X-Request-Id goes to the search service over gRPC, so its logs for this request carry it too.
          </p>
        }
      </app-async-state>
    </section>
  `,
  styles: `
    .panel-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    .fields {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .small {
      font-size: 0.8rem;
    }
  `,
})
export class RequestDetailComponent {
  private readonly api = inject(RequestsApiService);
  readonly requestId = input.required<string>();
  readonly apiKeys = input<ApiKey[]>([]);
  readonly closed = output();

  protected readonly request = rxResource({
    params: () => this.requestId(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly error = computed(() => (this.request.error() ? errorMessage(this.request.error()) : null));

  protected keyName(id: string | null): string {
    if (id === null) {
      return 'None (signed-in dashboard call)';
    }
    return this.apiKeys().find((key) => key.id === id)?.name ?? id;
  }
}
