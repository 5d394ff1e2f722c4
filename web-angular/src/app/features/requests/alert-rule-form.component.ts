import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { AlertRuleDto } from '@video-search/sdk/angular';
import type { ApiKey } from '../../core/api/api.types';
import { errorMessage } from '../../core/http/api-error';
import { ALERT_METRICS, AlertMetric, DEFAULT_WINDOW_MINUTES, MAX_WINDOW_MINUTES, toCreateRule } from './alert-rules';
import { AlertsApiService } from './alerts-api.service';

@Component({
  selector: 'app-alert-rule-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="Add alert rule" class="row">
      <mat-form-field appearance="outline">
        <mat-label>API key</mat-label>
        <select matNativeControl formControlName="apiKeyId" name="alert-api-key">
          <option value="">My dashboard (JWT) calls</option>
          @for (key of apiKeys(); track key.id) {
            <option [value]="key.id">{{ key.name }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Metric</mat-label>
        <select matNativeControl formControlName="metric" name="alert-metric">
          @for (metric of metrics; track metric.value) {
            <option [value]="metric.value">{{ metric.label }} ({{ metric.unit }})</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="narrow">
        <mat-label>Threshold</mat-label>
        <input matInput type="number" min="0" formControlName="threshold" name="alert-threshold" />
        <mat-hint>Fires at or above it</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline" class="narrow">
        <mat-label>Window (minutes)</mat-label>
        <input matInput type="number" min="1" [max]="maxWindow" formControlName="windowMinutes" name="alert-window" />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? 'Adding…' : 'Add rule' }}</button>
      @if (error(); as message) {
        <p class="field-error" role="alert" data-testid="alert-rule-error">{{ message }}</p>
      }
    </form>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .narrow {
      width: 180px;
    }
    button {
      margin-top: 8px;
    }
    .field-error {
      flex-basis: 100%;
    }
  `,
})
export class AlertRuleFormComponent {
  private readonly api = inject(AlertsApiService);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly apiKeys = input<ApiKey[]>([]);
  readonly created = output<AlertRuleDto>();

  protected readonly metrics = ALERT_METRICS;
  protected readonly maxWindow = MAX_WINDOW_MINUTES;
  protected readonly form = this.fb.group({
    apiKeyId: [''],
    metric: this.fb.control<AlertMetric>('error_rate'),
    threshold: [50, [Validators.required, Validators.min(0)]],
    windowMinutes: [
      DEFAULT_WINDOW_MINUTES,
      [Validators.required, Validators.min(1), Validators.max(MAX_WINDOW_MINUTES)],
    ],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.api.create(toCreateRule(this.form.getRawValue())).subscribe({
      next: (rule) => {
        this.saving.set(false);
        this.created.emit(rule);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(errorMessage(error));
      },
    });
  }
}
