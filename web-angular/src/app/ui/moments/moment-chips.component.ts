import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { SearchMoment } from '../../core/api/api.types';
import { markSegments } from '../highlight/marked-text';
import { MarkedTextComponent } from '../highlight/marked-text.component';

/**
 * The moments of a search result, as chips: the timestamp and the caption snippet with its matched words
 * marked (rendered by MarkedTextComponent, never as HTML). Best first; the first `max` show, the rest on demand.
 */
@Component({
  selector: 'app-moment-chips',
  imports: [NgTemplateOutlet, MarkedTextComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (list().length > 0) {
      <ul class="moments" aria-label="Moments in the captions" data-testid="search-moments">
        @for (moment of shown(); track $index) {
          <li>
            @if (selectable()) {
              <button
                type="button"
                class="chip"
                data-testid="moment-chip"
                [attr.data-start]="moment.start"
                [attr.aria-label]="'At ' + moment.t + ': ' + plain(moment.text)"
                (click)="picked.emit(moment)"
              >
                <ng-container [ngTemplateOutlet]="body" [ngTemplateOutletContext]="{ $implicit: moment }" />
              </button>
            } @else {
              <span class="chip" data-testid="moment-chip" [attr.data-start]="moment.start">
                <ng-container [ngTemplateOutlet]="body" [ngTemplateOutletContext]="{ $implicit: moment }" />
              </span>
            }
          </li>
        }
        @if (hidden() > 0) {
          <li>
            <button type="button" class="more" data-testid="moments-more" (click)="expanded.set(true)">
              +{{ hidden() }} more
            </button>
          </li>
        }
      </ul>
    }
    <ng-template #body let-moment>
      <span class="time" data-testid="moment-time">{{ moment.t }}</span>
      <span class="text"><app-marked-text [text]="moment.text" /></span>
    </ng-template>
  `,
  styles: `
    .moments {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      list-style: none;
      margin: 6px 0 0;
      padding: 0;
    }
    .chip {
      display: inline-flex;
      align-items: baseline;
      gap: 6px;
      max-width: 100%;
      padding: 3px 10px 3px 4px;
      border: 1px solid #c9d7f2;
      border-radius: 999px;
      background: #f3f7fe;
      color: inherit;
      font: inherit;
      font-size: 0.85rem;
      text-align: left;
    }
    button.chip {
      cursor: pointer;
    }
    button.chip:hover,
    button.chip:focus-visible {
      background: #e3ecfd;
      border-color: #0b57d0;
    }
    .time {
      flex: none;
      padding: 0 6px;
      border-radius: 999px;
      background: #0b57d0;
      color: #fff;
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 0.78rem;
    }
    .text {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      max-width: 36em;
    }
    .more {
      padding: 3px 10px;
      border: 1px dashed #9aa4b2;
      border-radius: 999px;
      background: none;
      font: inherit;
      font-size: 0.85rem;
      cursor: pointer;
    }
  `,
})
export class MomentChipsComponent {
  /** Results stored before captions existed may come without moments. */
  readonly moments = input<readonly SearchMoment[] | null | undefined>([]);
  /** Chips shown before "+N more". */
  readonly max = input(3);
  /** Buttons that emit `picked`, or plain chips. */
  readonly selectable = input(false);
  readonly picked = output<SearchMoment>();

  protected readonly expanded = signal(false);
  protected readonly list = computed(() => this.moments() ?? []);
  protected readonly shown = computed(() => (this.expanded() ? this.list() : this.list().slice(0, this.max())));
  protected readonly hidden = computed(() => this.list().length - this.shown().length);

  /** The snippet as the chip shows it, without the marks, for its accessible name. */
  protected plain(text: string): string {
    return markSegments(text)
      .map((segment) => segment.text)
      .join('');
  }
}
