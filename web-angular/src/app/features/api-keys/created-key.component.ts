import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { CreatedApiKey } from '../../core/api/api.types';

/** The one moment the full key is visible: the API stores only its hash. */
@Component({
  selector: 'app-created-key',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="created" role="alert" data-testid="created-key">
      <h2>API key “{{ created().name }}” created</h2>
      <p class="warning">
        <strong>Copy this key now.</strong> It is shown only once and cannot be retrieved later; if you lose it, revoke
        it and create a new one.
      </p>
      <div class="key-row">
        <code class="key" data-testid="created-key-value">{{ created().api_key }}</code>
        <button mat-flat-button type="button" (click)="copy()">{{ copied() ? 'Copied' : 'Copy' }}</button>
      </div>
      <p class="usage mono">curl -H "Authorization: Bearer {{ created().api_key }}" {{ origin }}/api/v1/auth/me</p>
      <button mat-button type="button" (click)="dismissed.emit()">I have saved it, hide the key</button>
    </section>
  `,
  styles: `
    .created {
      border: 1px solid #f5c26b;
      background: #fffbeb;
      border-radius: 10px;
      padding: 16px;
      margin-bottom: 20px;
    }
    .warning {
      color: #92400e;
    }
    .key-row {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .key {
      background: #0f172a;
      color: #e2e8f0;
      padding: 8px 12px;
      border-radius: 6px;
      word-break: break-all;
      flex: 1 1 320px;
    }
    .usage {
      font-size: 0.8rem;
      color: #57606a;
      word-break: break-all;
    }
  `,
})
export class CreatedKeyComponent {
  private readonly clipboard = inject(Clipboard);
  readonly created = input.required<CreatedApiKey>();
  readonly dismissed = output<void>();

  protected readonly copied = signal(false);
  protected readonly origin = location.origin;

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.created().api_key));
  }
}
