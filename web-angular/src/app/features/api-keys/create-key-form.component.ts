import { ChangeDetectionStrategy, Component, inject, output, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiKeysApiService } from '../../core/api/api-keys-api.service';
import { ApiKeyInput, CreatedApiKey } from '../../core/api/api.types';
import { errorMessage } from '../../core/http/api-error';

@Component({
  selector: 'app-create-key-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="Create API key">
      <div class="row">
        <mat-form-field appearance="outline" class="name">
          <mat-label>Key name</mat-label>
          <input matInput formControlName="name" name="key-name" placeholder="production server" />
          @if (form.controls.name.hasError('required')) {
            <mat-error>Give the key a name so you can recognise it later</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="limit">
          <mat-label>Requests / minute</mat-label>
          <input matInput type="number" min="1" formControlName="rate_limit_per_minute" placeholder="default" />
        </mat-form-field>
        <mat-form-field appearance="outline" class="limit">
          <mat-label>Daily quota</mat-label>
          <input matInput type="number" min="1" formControlName="daily_quota" placeholder="default" />
        </mat-form-field>
        <mat-form-field appearance="outline" class="limit">
          <mat-label>Monthly quota</mat-label>
          <input matInput type="number" min="1" formControlName="monthly_quota" placeholder="default" />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? 'Creating…' : 'Create key' }}</button>
      </div>
      <p class="muted hint">Leave a limit empty to use the platform default.</p>
      @if (error(); as message) {
        <p class="field-error" role="alert">{{ message }}</p>
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
    .name {
      flex: 1 1 220px;
    }
    .limit {
      width: 150px;
    }
    button {
      margin-top: 8px;
    }
    .hint {
      margin: 0;
      font-size: 0.82rem;
    }
  `,
})
export class CreateKeyFormComponent {
  private readonly api = inject(ApiKeysApiService);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly created = output<CreatedApiKey>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    rate_limit_per_minute: [''],
    daily_quota: [''],
    monthly_quota: [''],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const input: ApiKeyInput = { name: raw.name.trim() };
    for (const field of ['rate_limit_per_minute', 'daily_quota', 'monthly_quota'] as const) {
      if (String(raw[field]).trim() !== '') {
        input[field] = Number(raw[field]);
      }
    }
    this.saving.set(true);
    this.error.set(null);
    this.api.create(input).subscribe({
      next: (created) => {
        this.saving.set(false);
        // resetForm also clears "submitted", so the emptied name is not flagged as an error.
        this.formDirective().resetForm();
        this.created.emit(created);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(errorMessage(error));
      },
    });
  }
}
