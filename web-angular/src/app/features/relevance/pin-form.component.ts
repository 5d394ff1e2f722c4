import { ChangeDetectionStrategy, Component, inject, output, signal, viewChild } from '@angular/core';
import {
  AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { CreatePinDto, PinDto } from '@video-search/sdk/angular';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { parseVideoIds } from './relevance';
import { RelevanceApiService } from './relevance-api.service';

type PinMode = NonNullable<CreatePinDto['mode']>;

const queryValidator = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() ? null : { required: true };

const videoIdsValidator = (control: AbstractControl<string>): ValidationErrors | null => {
  const parsed = parseVideoIds(control.value);
  return parsed.error === null ? null : { videoIds: parsed.error };
};

@Component({
  selector: 'app-pin-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="Pin a query">
      <mat-form-field appearance="outline" class="query">
        <mat-label>Query</mat-label>
        <input matInput formControlName="query" name="pin-query" placeholder="pasta carbonara" />
        @if (form.controls.query.hasError('required')) {
          <mat-error>Type the query to pin</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" class="ids">
        <mat-label>Expected video ids</mat-label>
        <input matInput formControlName="videoIds" name="pin-videos" placeholder="12, 7" />
        <mat-hint>Comma-separated, up to 10</mat-hint>
        @if (form.controls.videoIds.errors?.['videoIds']; as problem) {
          <mat-error>{{ problem }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline" class="mode">
        <mat-label>Match</mat-label>
        <mat-select formControlName="mode" name="pin-mode">
          <mat-option value="set">As a set, any order</mat-option>
          <mat-option value="ordered">In this order, first</mat-option>
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? 'Pinning…' : 'Pin query' }}</button>
      @if (error(); as message) {
        <p class="field-error" role="alert" data-testid="pin-error">{{ message }}</p>
      }
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .query {
      flex: 2 1 240px;
    }
    .ids {
      flex: 1 1 180px;
    }
    .mode {
      flex: 0 1 200px;
    }
    button {
      margin-top: 8px;
    }
    .field-error {
      flex-basis: 100%;
    }
  `,
})
export class PinFormComponent {
  private readonly api = inject(RelevanceApiService);
  private readonly userId = inject(SessionService).requireUserId();

  readonly pinned = output<PinDto>();

  private readonly formDirective = viewChild.required(FormGroupDirective);

  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    query: ['', [queryValidator, Validators.maxLength(500)]],
    videoIds: ['', videoIdsValidator],
    mode: this.fb.control<PinMode>('set'),
  });

  protected submit(): void {
    const { query, videoIds, mode } = this.form.getRawValue();
    const parsed = parseVideoIds(videoIds);
    if (this.form.invalid || parsed.ids === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.api.createPin(this.userId, { query: query.trim(), expected_video_ids: parsed.ids, mode }).subscribe({
      next: (pin) => {
        this.saving.set(false);
        // Through the directive: it also clears the submitted state, which would show every field as an error.
        this.formDirective().resetForm({ query: '', videoIds: '', mode });
        this.pinned.emit(pin);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(errorMessage(error));
      },
    });
  }
}
