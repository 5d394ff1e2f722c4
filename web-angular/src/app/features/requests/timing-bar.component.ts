import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RequestTimingDto } from '@video-search/sdk/angular';
import { timingSplit } from './timing-split';

@Component({
  selector: 'app-timing-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="bar" role="img" [attr.aria-label]="label()" data-testid="timing-bar">
      <span class="gateway" [style.flex-grow]="split().gatewayShare"></span>
      @if (split().searchShare > 0) {
        <span class="search" [style.flex-grow]="split().searchShare"></span>
      }
    </div>
    <dl class="legend">
      <div>
        <dt><span class="dot gateway"></span>Gateway</dt>
        <dd data-testid="timing-gateway">{{ timing().gateway_ms }} ms</dd>
      </div>
      <div>
        <dt><span class="dot search"></span>Search service</dt>
        <dd data-testid="timing-search">
          {{ timing().search_service_ms === null ? 'not measured' : timing().search_service_ms + ' ms' }}
        </dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd data-testid="timing-total">{{ timing().total_ms }} ms</dd>
      </div>
    </dl>
  `,
  styles: `
    .bar {
      display: flex;
      height: 14px;
      border-radius: 7px;
      overflow: hidden;
      background: var(--mat-sys-surface-variant, #eee);
    }
    .gateway {
      background: #3f51b5;
    }
    .search {
      background: #ff9800;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      margin: 8px 0 0;
    }
    .legend div {
      display: flex;
      gap: 6px;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .dot {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      margin-right: 4px;
    }
  `,
})
export class TimingBarComponent {
  readonly timing = input.required<RequestTimingDto>();
  protected readonly split = computed(() => timingSplit(this.timing()));
  protected readonly label = computed(() => {
    const timing = this.timing();
    const search = timing.search_service_ms === null ? 'not measured' : `${timing.search_service_ms} ms`;
    return `Gateway ${timing.gateway_ms} ms, search service ${search}, total ${timing.total_ms} ms`;
  });
}
