import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LegendPosition, LineChartModule } from '@swimlane/ngx-charts';
import { CHART_SCHEME, ChartSeries, ERROR_SCHEME, formatCount, formatPercent } from './chart-theme';

/** Time-series line chart in the platform look; `percent` formats the y axis as rates (0..1). */
@Component({
  selector: 'app-line-chart',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart-frame" [style.height.px]="height()" [attr.aria-label]="label()" role="img">
      <ngx-charts-line-chart
        [results]="series()"
        [scheme]="tone() === 'error' ? errorScheme : scheme"
        [view]="chartView()"
        [xAxis]="true"
        [yAxis]="true"
        [legend]="series().length > 1"
        [legendPosition]="legendBelow"
        [roundDomains]="true"
        [autoScale]="false"
        [yAxisTickFormatting]="tickFormat()"
        [animations]="animations()"
      />
    </div>
  `,
  styles: `
    .chart-frame {
      width: 100%;
    }
  `,
})
export class LineChartComponent {
  readonly series = input.required<ChartSeries[]>();
  readonly label = input.required<string>();
  readonly height = input(260);
  readonly percent = input(false);
  readonly tone = input<'default' | 'error'>('default');
  readonly view = input<[number, number] | undefined>(undefined);
  readonly animations = input(true);

  protected readonly scheme = CHART_SCHEME;
  // ngx-charts types `view` as required, yet sizes itself to the container when it is undefined.
  protected readonly chartView = computed(() => this.view() as [number, number]);
  protected readonly errorScheme = ERROR_SCHEME;
  protected readonly legendBelow = LegendPosition.Below;
  protected readonly tickFormat = computed(() => (this.percent() ? formatPercent : formatCount));
}
