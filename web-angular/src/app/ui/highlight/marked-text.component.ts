import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DEFAULT_POST_TAG, DEFAULT_PRE_TAG, markSegments } from './marked-text';

/** Highlight text with its matched words in `<mark>`, rendered by interpolation (no `innerHTML`). */
@Component({
  selector: 'app-marked-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // One line on purpose: whitespace between the segments would show as extra spaces around the marks.
  template: `@for (segment of segments(); track $index) {
    @if (segment.marked) {
      <mark>{{ segment.text }}</mark>
    } @else {
      <ng-container>{{ segment.text }}</ng-container>
    }
  }`,
})
export class MarkedTextComponent {
  readonly text = input<string | null | undefined>('');
  readonly preTag = input(DEFAULT_PRE_TAG);
  readonly postTag = input(DEFAULT_POST_TAG);

  protected readonly segments = computed(() => markSegments(this.text(), this.preTag(), this.postTag()));
}
