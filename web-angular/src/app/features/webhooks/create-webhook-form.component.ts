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
import { errorMessage } from '../../core/http/api-error';
import { webhookUrlValidator } from './webhook-url';
import { CreatedWebhookEndpoint, WEBHOOK_EVENTS, WebhookEventType, WebhookInput } from './webhook.types';
import { WebhooksApiService } from './webhooks-api.service';

const atLeastOne = (group: AbstractControl): ValidationErrors | null =>
  Object.values(group.value as Record<string, boolean>).some(Boolean) ? null : { nonePicked: true };

type EventControls = Record<WebhookEventType, FormControl<boolean>>;

@Component({
  selector: 'app-create-webhook-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-label="Add webhook endpoint">
      <div class="row">
        <mat-form-field appearance="outline" class="url">
          <mat-label>Endpoint URL</mat-label>
          <input
            matInput
            type="url"
            formControlName="url"
            name="webhook-url"
            placeholder="https://example.com/hooks/video-search"
          />
          @if (form.controls.url.errors?.['webhookUrl']; as problem) {
            <mat-error>{{ problem }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" class="description">
          <mat-label>Description</mat-label>
          <input matInput formControlName="description" name="webhook-description" placeholder="Production receiver" />
          <mat-hint>Optional</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Adding…' : 'Add endpoint' }}
        </button>
      </div>
      <fieldset class="events" formGroupName="events">
        <legend>Events to send</legend>
        @for (event of events; track event.type) {
          <mat-checkbox [formControlName]="event.type" [attr.data-event]="event.type">
            <span class="mono">{{ event.type }}</span><span class="muted">&nbsp;· {{ event.hint }}</span>
          </mat-checkbox>
        }
        @if (form.controls.events.hasError('nonePicked') && form.controls.events.touched) {
          <p class="field-error" role="alert">Pick at least one event</p>
        }
      </fieldset>
      @if (error(); as message) {
        <p class="field-error" role="alert" data-testid="create-webhook-error">{{ message }}</p>
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
    .url {
      flex: 2 1 320px;
    }
    .description {
      flex: 1 1 200px;
    }
    .events {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      border: 0;
      padding: 0;
      margin: 4px 0 8px;
    }
    .events legend {
      font-weight: 600;
      font-size: 0.9rem;
      padding: 0;
    }
    .events .field-error {
      flex-basis: 100%;
      margin: 0;
    }
    button {
      margin-top: 8px;
    }
  `,
})
export class CreateWebhookFormComponent {
  private readonly api = inject(WebhooksApiService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly created = output<CreatedWebhookEndpoint>();

  protected readonly events = WEBHOOK_EVENTS;
  protected readonly form = this.fb.group({
    url: ['', [Validators.required, webhookUrlValidator]],
    description: [''],
    events: this.fb.group(
      Object.fromEntries(WEBHOOK_EVENTS.map((event) => [event.type, this.fb.control(false)])) as EventControls,
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
    const input: WebhookInput = {
      url: raw.url.trim(),
      events: WEBHOOK_EVENTS.map((event) => event.type).filter((type) => raw.events[type]),
    };
    if (raw.description.trim()) {
      input.description = raw.description.trim();
    }
    this.saving.set(true);
    this.error.set(null);
    this.api.create(input).subscribe({
      next: (created) => {
        this.saving.set(false);
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
