import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';
import { CHART_COLORS, CHART_SCHEME, ChartSeries, ERROR_COLOR, formatCount, formatPercent } from './chart-theme';

/** Series with these names are always drawn in the error colour. */
const ERROR_SERIES = new Set(['Errors', 'Error rate']);

/** Time-series line chart in the platform look; `percent` formats the y axis as percentages (0..100). */
@Component({
  selector: 'app-line-chart',
  imports: [LineChartModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (series().length > 1) {
      <ul class="legend">
        @for (entry of legend(); track entry.name) {
          <li><span class="swatch" [style.background]="entry.color"></span>{{ entry.name }}</li>
        }
      </ul>
    }
    <div class="chart-frame" [style.height.px]="height()" [attr.aria-label]="label()" role="img">
      <ngx-charts-line-chart
        [results]="series()"
        [scheme]="scheme"
        [customColors]="customColors()"
        [view]="chartView()"
        [xAxis]="true"
        [yAxis]="true"
        [legend]="false"
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
    .legend {
      display: flex;
      gap: 16px;
      list-style: none;
      margin: 0 0 4px;
      padding: 0;
      font-size: 0.8rem;
      color: #57606a;
    }
    .swatch {
      display: inline-block;
      width: 10px;
      height: 10px;
      border-radius: 2px;
      margin-right: 6px;
    }
  `,
})
export class LineChartComponent {
  readonly series = input.required<ChartSeries[]>();
  readonly label = input.required<string>();
  readonly height = input(240);
  readonly percent = input(false);
  readonly view = input<[number, number] | undefined>(undefined);
  readonly animations = input(true);

  protected readonly scheme = CHART_SCHEME;
  // ngx-charts types `view` as required, yet sizes itself to the container when it is undefined.
  protected readonly chartView = computed(() => this.view() as [number, number]);
  protected readonly tickFormat = computed(() => (this.percent() ? formatPercent : formatCount));
  protected readonly legend = computed(() =>
    this.series().map((entry, i) => ({
      name: entry.name,
      color: ERROR_SERIES.has(entry.name) ? ERROR_COLOR : CHART_COLORS[i % CHART_COLORS.length],
    })),
  );
  protected readonly customColors = computed(() =>
    this.series()
      .filter((entry) => ERROR_SERIES.has(entry.name))
      .map((entry) => ({ name: entry.name, value: ERROR_COLOR })),
  );
}
