import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';
import { BAR_SCHEME, ChartPoint, formatCount } from './chart-theme';

/** Single-series bar chart; horizontal suits long labels such as routes, vertical suits buckets. */
@Component({
  selector: 'app-bar-chart',
  imports: [BarChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart-frame" [style.height.px]="height()" [attr.aria-label]="label()" role="img">
      @if (orientation() === 'horizontal') {
        <ngx-charts-bar-horizontal
          [results]="data()"
          [scheme]="scheme"
          [view]="chartView()"
          [xAxis]="true"
          [yAxis]="true"
          [roundDomains]="true"
          [showDataLabel]="true"
          [xAxisTickFormatting]="format"
          [trimYAxisTicks]="false"
          [animations]="animations()"
        />
      } @else {
        <ngx-charts-bar-vertical
          [results]="data()"
          [scheme]="scheme"
          [view]="chartView()"
          [xAxis]="true"
          [yAxis]="true"
          [roundDomains]="true"
          [showXAxisLabel]="!!xLabel()"
          [xAxisLabel]="xLabel()"
          [yAxisTickFormatting]="format"
          [animations]="animations()"
        />
      }
    </div>
  `,
  styles: `
    .chart-frame {
      width: 100%;
    }
  `,
})
export class BarChartComponent {
  readonly data = input.required<ChartPoint[]>();
  readonly label = input.required<string>();
  readonly orientation = input<'horizontal' | 'vertical'>('vertical');
  readonly xLabel = input('');
  readonly height = input(260);
  readonly view = input<[number, number] | undefined>(undefined);
  readonly animations = input(true);

  protected readonly scheme = BAR_SCHEME;
  // ngx-charts types `view` as required, yet sizes itself to the container when it is undefined.
  protected readonly chartView = computed(() => this.view() as [number, number]);
  protected readonly format = formatCount;
}
