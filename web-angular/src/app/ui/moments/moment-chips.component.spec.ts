import { TestBed } from '@angular/core/testing';
import { SearchMoment } from '../../core/api/api.types';
import { MomentChipsComponent } from './moment-chips.component';

const MOMENTS: SearchMoment[] = [
  { start: 252, end: 256, t: '04:12', text: 'feeding the <mark>sourdough</mark> starter' },
  { start: 61, end: 64, t: '01:01', text: 'Tom &amp; <b>Jerry</b> bake <mark>sourdough</mark>' },
  { start: 600, end: 603, t: '10:00', text: 'more <mark>sourdough</mark>' },
  { start: 3700, end: 3702, t: '1:01:40', text: 'the last <mark>sourdough</mark>' },
];

describe('MomentChipsComponent', () => {
  function render(moments: SearchMoment[], selectable = false) {
    const fixture = TestBed.createComponent(MomentChipsComponent);
    fixture.componentRef.setInput('moments', moments);
    fixture.componentRef.setInput('selectable', selectable);
    fixture.detectChanges();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('renders nothing without moments', () => {
    const { host } = render([]);
    expect(host.querySelector('[data-testid="search-moments"]')).toBeNull();
  });

  it('shows the timestamp and the snippet with only the marks as markup, best first', () => {
    const { host } = render(MOMENTS);
    const chips = [...host.querySelectorAll('[data-testid="moment-chip"]')];
    expect(chips.length).toBe(3);
    expect(chips.map((chip) => chip.querySelector('[data-testid="moment-time"]')?.textContent?.trim())).toEqual([
      '04:12',
      '01:01',
      '10:00',
    ]);
    expect(chips[0].querySelector('mark')?.textContent).toBe('sourdough');
    expect(chips[1].querySelector('b')).toBeNull();
    expect(chips[1].querySelector('.text')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Tom & <b>Jerry</b> bake sourdough',
    );
    expect(chips[0].tagName).toBe('SPAN');
  });

  it('shows the rest on demand', () => {
    const { fixture, host } = render(MOMENTS);
    const more = host.querySelector<HTMLButtonElement>('[data-testid="moments-more"]')!;
    expect(more.textContent?.trim()).toBe('+1 more');
    more.click();
    fixture.detectChanges();
    expect(host.querySelectorAll('[data-testid="moment-chip"]').length).toBe(4);
    expect(host.querySelector('[data-testid="moments-more"]')).toBeNull();
  });

  it('emits the picked moment when selectable, with a readable name', () => {
    const { fixture, host } = render(MOMENTS.slice(0, 1), true);
    const picked: SearchMoment[] = [];
    fixture.componentInstance.picked.subscribe((moment) => picked.push(moment));
    const chip = host.querySelector<HTMLButtonElement>('button[data-testid="moment-chip"]')!;
    expect(chip.getAttribute('aria-label')).toBe('At 04:12: feeding the sourdough starter');
    chip.click();
    expect(picked).toEqual([MOMENTS[0]]);
  });
});
