import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { PinCheckDto } from '@video-search/sdk/angular';
import { LineChartComponent } from '../../ui/charts/line-chart.component';
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
  protected readonly width = signal(0);
  protected readonly series = computed(() => pinHealthSeries(this.checks()));

  constructor() {
    let observer: ResizeObserver | null = null;
    inject(DestroyRef).onDestroy(() => observer?.disconnect());
    effect(() => {
      const box = this.chartBox()?.nativeElement;
      observer?.disconnect();
      observer = null;
      if (!box || typeof ResizeObserver === 'undefined') {
        return;
      }
      observer = new ResizeObserver(([entry]) => this.width.set(Math.floor(entry.contentRect.width)));
      observer.observe(box);
    });
  }
}
