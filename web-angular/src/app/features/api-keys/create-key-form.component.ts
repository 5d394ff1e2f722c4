import { ChangeDetectionStrategy, Component, inject, output, signal, viewChild } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ApiKeysApiService } from '../../core/api/api-keys-api.service';
import { API_KEY_PERMISSIONS, ApiKeyInput, ApiKeyPermission, CreatedApiKey } from '../../core/api/api.types';
import { errorMessage } from '../../core/http/api-error';
import { chosenPermissions, endOfLocalDay, localToday, PERMISSION_HINTS } from './key-input';

const atLeastOne = (group: AbstractControl): ValidationErrors | null =>
  Object.values(group.value as Record<string, boolean>).some(Boolean) ? null : { nonePicked: true };

// A day before today has already ended; today still counts (the key works until midnight).
const notBeforeToday = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value && control.value < localToday() ? { past: true } : null;

type PermissionControls = Record<ApiKeyPermission, FormControl<boolean>>;

@Component({
  selector: 'app-create-key-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatCheckboxModule],
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
        <mat-form-field appearance="outline" class="expiry">
          <mat-label>Expires on</mat-label>
          <input matInput type="date" [min]="today" formControlName="expires_on" name="key-expires-on" />
          <mat-hint>Optional; works until the end of that day</mat-hint>
          @if (form.controls.expires_on.hasError('past')) {
            <mat-error>Pick today or a later day</mat-error>
          }
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? 'Creating…' : 'Create key' }}</button>
      </div>
      <fieldset class="permissions" formGroupName="permissions" data-testid="key-permissions">
        <legend>Permissions</legend>
        @for (permission of permissionNames; track permission) {
          <mat-checkbox [formControlName]="permission" [attr.data-permission]="permission">
            <span class="mono">{{ permission }}</span><span class="muted">&nbsp;· {{ hints[permission] }}</span>
          </mat-checkbox>
        }
        @if (form.controls.permissions.hasError('nonePicked')) {
          <p class="field-error" role="alert">Pick at least one permission</p>
        }
      </fieldset>
      <p class="muted hint">
        Leave a limit empty to use the platform default. A request beyond the key's permissions is refused with 403.
      </p>
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
      width: 170px;
    }
    .expiry {
      width: 180px;
    }
    .permissions {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      border: 0;
      padding: 0;
      margin: 4px 0 8px;
    }
    .permissions legend {
      font-weight: 600;
      font-size: 0.9rem;
      padding: 0;
    }
    .permissions .field-error {
      flex-basis: 100%;
      margin: 0;
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

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly permissionNames = API_KEY_PERMISSIONS;
  protected readonly hints = PERMISSION_HINTS;
  protected readonly today = localToday();
  protected readonly form = this.fb.group({
    name: ['', Validators.required],
    rate_limit_per_minute: [''],
    daily_quota: [''],
    monthly_quota: [''],
    expires_on: ['', notBeforeToday],
    // Every permission ticked by default, as the API defaults to when none are named.
    permissions: this.fb.group(
      Object.fromEntries(
        API_KEY_PERMISSIONS.map((permission) => [permission, this.fb.control(true)]),
      ) as PermissionControls,
      { validators: atLeastOne },
    ),
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
    const permissions = chosenPermissions(raw.permissions);
    if (permissions) {
      input.permissions = permissions;
    }
    if (raw.expires_on) {
      input.expires_at = endOfLocalDay(raw.expires_on);
    }
    this.saving.set(true);
    this.error.set(null);
    this.api.create(input).subscribe({
      next: (created) => {
        this.saving.set(false);
        // resetForm also clears "submitted", so the emptied name is not flagged as an error; every
        // permission is ticked again for the next key.
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
