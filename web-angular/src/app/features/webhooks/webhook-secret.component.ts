import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** The one moment a signing secret is visible: the gateway answers it only on create and on rotation. */
@Component({
  selector: 'app-webhook-secret',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="secret" role="alert" data-testid="webhook-secret" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">{{ title() }}</h2>
      <p class="warning">
        <strong>Copy this signing secret now.</strong> It is shown only once; if you lose it, rotate the secret.
        @if (rotated()) {
          The previous secret keeps signing beside this one for 24 hours, so switch your receiver over within a day.
        }
      </p>
      <div class="secret-row">
        <code class="value" data-testid="webhook-secret-value">{{ secret() }}</code>
        <button mat-flat-button type="button" (click)="copy()">{{ copied() ? 'Copied' : 'Copy secret' }}</button>
      </div>
      <details class="verify">
        <summary>How to verify a delivery</summary>
        <p>
          Each delivery is a POST with the header
          <code>Webhook-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>. Compute
          <code>hex(HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;"))</code> over the raw request body and accept the
          delivery when it equals any <code>v1</code> (after a rotation there are two). Compare in constant time and
          reject a <code>t</code> more than 5 minutes old. Answer with a 2xx; anything else is retried.
        </p>
      </details>
      <button mat-button type="button" (click)="dismissed.emit()">I have saved it, hide the secret</button>
    </section>
  `,
  styles: `
    .secret {
      border: 1px solid #f5c26b;
      background: #fffbeb;
      border-radius: 10px;
      padding: 16px;
      margin-bottom: 20px;
    }
    .warning {
      color: #92400e;
    }
    .secret-row {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
    }
    .value {
      background: #0f172a;
      color: #e2e8f0;
      padding: 8px 12px;
      border-radius: 6px;
      word-break: break-all;
      flex: 1 1 320px;
    }
    .verify {
      margin: 12px 0 4px;
      font-size: 0.88rem;
    }
    .verify summary {
      cursor: pointer;
      font-weight: 600;
    }
  `,
})
export class WebhookSecretComponent {
  private readonly clipboard = inject(Clipboard);
  readonly secret = input.required<string>();
  readonly title = input.required<string>();
  /** After a rotation the old secret still co-signs; the note says for how long. */
  readonly rotated = input(false);
  readonly dismissed = output<void>();

  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.secret()));
  }
}
