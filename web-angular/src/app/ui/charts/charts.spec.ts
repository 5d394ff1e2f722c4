import { Type } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { BarChartComponent } from './bar-chart.component';
import { LineChartComponent } from './line-chart.component';
import { gaugeLevel, QuotaGaugeComponent } from './quota-gauge.component';

describe('chart wrappers', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideNoopAnimations()] }));

  async function render<T>(type: Type<T>, inputs: Record<string, unknown>): Promise<ComponentFixture<T>> {
    const fixture = TestBed.createComponent(type);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture;
  }

  it('renders one bar per data point, vertically and horizontally', async () => {
    const data = [
      { name: 'GET /a', value: 3 },
      { name: 'GET /b', value: 5 },
      { name: 'POST /c', value: 1 },
    ];
    const vertical = await render(BarChartComponent, { data, label: 'x', view: [400, 200], animations: false });
    expect(vertical.nativeElement.querySelectorAll('path.bar')).toHaveLength(3);
    const horizontal = await render(BarChartComponent, {
      data,
      label: 'x',
      orientation: 'horizontal',
      view: [400, 200],
      animations: false,
    });
    expect(horizontal.nativeElement.querySelector('ngx-charts-bar-horizontal')).not.toBeNull();
    expect(horizontal.nativeElement.querySelectorAll('path.bar')).toHaveLength(3);
  });

  it('renders a line per series', async () => {
    const series = [
      {
        name: 'Requests',
        series: [
          { name: '11-25', value: 1 },
          { name: '11-26', value: 4 },
        ],
      },
      {
        name: 'Errors',
        series: [
          { name: '11-25', value: 0 },
          { name: '11-26', value: 1 },
        ],
      },
    ];
    const fixture = await render(LineChartComponent, { series, label: 'daily', view: [400, 200], animations: false });
    expect(fixture.nativeElement.querySelectorAll('path.line')).toHaveLength(2);
    expect(fixture.nativeElement.querySelector('[role="img"]').getAttribute('aria-label')).toBe('daily');
  });

  it('colours quota gauges by how close they are to the limit', async () => {
    expect(gaugeLevel(10, 100)).toBe('ok');
    expect(gaugeLevel(80, 100)).toBe('warn');
    expect(gaugeLevel(95, 100)).toBe('critical');
    expect(gaugeLevel(5, null)).toBe('unlimited');

    const fixture = await render(QuotaGaugeComponent, { title: 'Daily', used: 92, limit: 100, remaining: 8 });
    const figure: HTMLElement = fixture.nativeElement.querySelector('figure');
    expect(figure.dataset['level']).toBe('critical');
    expect(figure.textContent).toContain('92%');
    expect(figure.textContent).toContain('8 remaining');
  });
});
