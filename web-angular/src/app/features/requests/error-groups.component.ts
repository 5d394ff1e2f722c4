import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { ErrorGroupDto } from '@video-search/sdk/angular';
import { errorMessage } from '../../core/http/api-error';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { RequestQuery } from './request-filters';
import { RequestsApiService } from './requests-api.service';

@Component({
  selector: 'app-error-groups',
  imports: [DatePipe, MatButtonModule, MatTableModule, AsyncStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel-head">
      <p class="muted">Failed requests (status 400 and above) for the filters above, most frequent first.</p>
      <button mat-button type="button" (click)="groups.reload()" [disabled]="groups.isLoading()">Refresh</button>
    </div>
    <app-async-state
      [loading]="groups.isLoading()"
      [hasStaleData]="groups.hasValue()"
      [error]="error()"
      errorTitle="Could not load the errors"
      [empty]="rows().length === 0"
      emptyTitle="No failed requests"
      emptyText="Nothing answered with a 4xx or 5xx status in this range."
      (retry)="groups.reload()"
    >
      <table mat-table class="data" [dataSource]="rows()" aria-label="Errors by route and status">
        <ng-container matColumnDef="route">
          <th mat-header-cell *matHeaderCellDef>Route</th>
          <td mat-cell *matCellDef="let group" class="mono">{{ group.method }} {{ group.route }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let group" data-testid="error-group-status">{{ group.status }}</td>
        </ng-container>
        <ng-container matColumnDef="count">
          <th mat-header-cell *matHeaderCellDef>Count</th>
          <td mat-cell *matCellDef="let group" data-testid="error-group-count">{{ group.count }}</td>
        </ng-container>
        <ng-container matColumnDef="last_seen_at">
          <th mat-header-cell *matHeaderCellDef>Last seen</th>
          <td mat-cell *matCellDef="let group">{{ group.last_seen_at | date: 'MMM d, HH:mm:ss' }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns" data-testid="error-group-row"></tr>
      </table>
    </app-async-state>
  `,
  styles: `
    .panel-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
    }
  `,
})
export class ErrorGroupsComponent {
  private readonly api = inject(RequestsApiService);
  readonly query = input.required<RequestQuery>();

  protected readonly columns = ['route', 'status', 'count', 'last_seen_at'];
  protected readonly groups = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.errors(params),
  });
  protected readonly rows = computed<ErrorGroupDto[]>(() => (this.groups.hasValue() ? this.groups.value() : []));
  protected readonly error = computed(() => (this.groups.error() ? errorMessage(this.groups.error()) : null));
}
