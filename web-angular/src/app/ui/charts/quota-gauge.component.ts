import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type GaugeLevel = 'ok' | 'warn' | 'critical' | 'unlimited';

/** Share of the quota at which the gauge turns amber, then red. */
export const WARN_RATIO = 0.75;
export const CRITICAL_RATIO = 0.9;

export function gaugeLevel(used: number, limit: number | null): GaugeLevel {
  if (limit === null || limit <= 0) {
    return 'unlimited';
  }
  const ratio = used / limit;
  return ratio >= CRITICAL_RATIO ? 'critical' : ratio >= WARN_RATIO ? 'warn' : 'ok';
}

/** A ring gauge for one quota window: used of limit, remaining, and when it resets. */
@Component({
  selector: 'app-quota-gauge',
  imports: [DecimalPipe, DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="gauge" [class]="'gauge level-' + level()" [attr.data-level]="level()">
      <div class="ring" [style.--fill]="fillDegrees() + 'deg'">
        <div class="centre">
          @if (limit() === null) {
            <strong>{{ used() | number }}</strong>
            <small>no limit</small>
          } @else {
            <strong>{{ percent() | number: '1.0-0' }}%</strong>
            <small>{{ used() | number }} / {{ limit() | number }}</small>
          }
        </div>
      </div>
      <figcaption>
        <span class="title">{{ title() }}</span>
        @if (remaining() !== null) {
          <span>{{ remaining() | number }} remaining</span>
        }
        @if (resetAt()) {
          <span class="muted">resets {{ resetAt() | date: 'MMM d, HH:mm' }}</span>
        }
      </figcaption>
    </figure>
  `,
  styles: `
    .gauge {
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      --tone: #1f6feb;
    }
    .level-warn {
      --tone: #d97706;
    }
    .level-critical {
      --tone: #d1242f;
    }
    .level-unlimited {
      --tone: #64748b;
    }
    .ring {
      width: 120px;
      height: 120px;
      border-radius: 50%;
      background: conic-gradient(var(--tone) var(--fill), #e5e9f0 0);
      display: grid;
      place-items: center;
    }
    .centre {
      width: 92px;
      height: 92px;
      border-radius: 50%;
      background: var(--mat-sys-surface, #fff);
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
    }
    strong {
      font-size: 1.3rem;
      color: var(--tone);
    }
    small {
      font-size: 0.72rem;
      color: #57606a;
    }
    figcaption {
      display: flex;
      flex-direction: column;
      align-items: center;
      font-size: 0.85rem;
    }
    .title {
      font-weight: 600;
    }
    .muted {
      color: #57606a;
    }
  `,
})
export class QuotaGaugeComponent {
  readonly title = input.required<string>();
  readonly used = input.required<number>();
  readonly limit = input<number | null>(null);
  readonly remaining = input<number | null>(null);
  readonly resetAt = input<string | null>(null);

  protected readonly level = computed(() => gaugeLevel(this.used(), this.limit()));
  protected readonly percent = computed(() => {
    const limit = this.limit();
    return limit ? Math.min(100, (this.used() / limit) * 100) : 0;
  });
  protected readonly fillDegrees = computed(() => (this.limit() === null ? 360 : (this.percent() / 100) * 360));
}
