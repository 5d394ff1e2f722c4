import { ChangeDetectionStrategy, Component, computed, ElementRef, input, viewChild } from '@angular/core';
import type { PinCheckDto } from '@video-search/sdk/angular';
import { LineChartComponent } from '../../ui/charts/line-chart.component';
import { observedWidth } from '../../ui/charts/observed-width';
import { pinHealthSeries } from './relevance';

@Component({
  selector: 'app-pin-health-chart',
  imports: [LineChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <!-- Sized from the frame: ngx-charts measures its parent once, and projected content starts detached. -->
    <div class="chart-box" #chartBox data-testid="pin-health-chart">
      @if (width() > 0) {
        <app-line-chart
          [series]="series()"
          label="Pinned queries' MRR and recall over time"
          [percent]="true"
          [height]="220"
          [view]="[width(), 220]"
        />
      }
    </div>
  `,
  styles: `
    :host,
    app-line-chart {
      display: block;
    }
    .chart-box {
      display: flow-root;
      min-height: 220px;
    }
  `,
})
export class PinHealthChartComponent {
  readonly checks = input.required<PinCheckDto[]>();

  private readonly chartBox = viewChild<ElementRef<HTMLElement>>('chartBox');
  protected readonly width = observedWidth(this.chartBox);
  protected readonly series = computed(() => pinHealthSeries(this.checks()));
}
