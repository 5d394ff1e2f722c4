import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiKey } from '../../core/api/api.types';
import { EMPTY_FILTERS, RequestFilters } from './request-filters';

@Component({
  selector: 'app-request-filter-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="apply()" novalidate aria-label="Filter requests" class="filters">
      <mat-form-field appearance="outline">
        <mat-label>API key</mat-label>
        <select matNativeControl formControlName="apiKeyId" name="api-key">
          <option value="">All keys and JWT calls</option>
          @for (key of apiKeys(); track key.id) {
            <option [value]="key.id">{{ key.name }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="route">
        <mat-label>Route</mat-label>
        <input matInput formControlName="route" name="route" placeholder="/api/v1/users/:userId/search" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="narrow">
        <mat-label>Status</mat-label>
        <input matInput formControlName="status" name="status" list="status-classes" placeholder="404 or 4xx" />
        <datalist id="status-classes">
          <option value="2xx"></option>
          <option value="4xx"></option>
          <option value="5xx"></option>
          <option value="error"></option>
        </datalist>
      </mat-form-field>
      <mat-form-field appearance="outline" class="narrow">
        <mat-label>Min latency (ms)</mat-label>
        <input matInput type="number" min="0" formControlName="minLatencyMs" name="min-latency" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="narrow">
        <mat-label>Max latency (ms)</mat-label>
        <input matInput type="number" min="0" formControlName="maxLatencyMs" name="max-latency" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>From</mat-label>
        <input matInput type="datetime-local" formControlName="from" name="from" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>To</mat-label>
        <input matInput type="datetime-local" formControlName="to" name="to" />
      </mat-form-field>
      <div class="buttons">
        <button mat-flat-button type="submit">Apply filters</button>
        <button mat-button type="button" (click)="clear()">Clear</button>
      </div>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .route {
      flex: 1 1 260px;
    }
    .narrow {
      width: 180px;
    }
    .buttons {
      display: flex;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class RequestFilterFormComponent {
  private readonly fb = inject(NonNullableFormBuilder);
  readonly apiKeys = input<ApiKey[]>([]);
  readonly applied = output<RequestFilters>();

  protected readonly form = this.fb.group({ ...EMPTY_FILTERS });

  protected apply(): void {
    const raw = this.form.getRawValue();
    // A number input hands back a number (or null when cleared), whatever the control was created with.
    this.applied.emit({
      ...raw,
      minLatencyMs: String(raw.minLatencyMs ?? ''),
      maxLatencyMs: String(raw.maxLatencyMs ?? ''),
    });
  }

  protected clear(): void {
    this.form.reset();
    this.applied.emit({ ...EMPTY_FILTERS });
  }
}
