import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { JobReplay } from '../../core/api/search.types';
import { ChangeMark, changeMark, changesByVideo } from './replay-view';

/** A replay's results beside the job's, each hit marked moved (with positions), new, lost or unchanged. */
@Component({
  selector: 'app-replay-panel',
  imports: [DatePipe, DecimalPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="replay" aria-label="Replay" data-testid="replay-panel">
      <p class="summary" data-testid="replay-summary">
        Against today's index ({{ replay().replayed_at | date: 'medium' }}): {{ replay().summary.moved }} moved,
        {{ replay().summary.new }} new, {{ replay().summary.lost }} lost, {{ replay().summary.unchanged }} unchanged.
      </p>
      <div class="columns">
        <div>
          <h4>Then ({{ replay().before.results.length }})</h4>
          <ol data-testid="replay-before">
            @for (hit of replay().before.results; track hit.video_id) {
              @let mark = markOf(hit.video_id);
              <li [attr.data-video-id]="hit.video_id" [class.lost]="mark?.tone === 'lost'">
                <span class="title">{{ hit.title }}</span>
                <span class="mono score">{{ hit.relevance_score | number: '1.3-3' }}</span>
                @if (mark?.tone === 'lost') {
                  <span class="mark lost" data-testid="replay-mark" data-tone="lost">{{ mark?.text }}</span>
                }
              </li>
            } @empty {
              <li class="muted">No results then.</li>
            }
          </ol>
        </div>
        <div>
          <h4>Now ({{ replay().after.results.length }})</h4>
          <ol data-testid="replay-after">
            @for (hit of replay().after.results; track hit.video_id) {
              @let mark = markOf(hit.video_id);
              <li [attr.data-video-id]="hit.video_id">
                <span class="title">{{ hit.title }}</span>
                <span class="mono score">{{ hit.relevance_score | number: '1.3-3' }}</span>
                @if (mark && mark.tone !== 'same') {
                  <span class="mark" [class]="mark.tone" data-testid="replay-mark" [attr.data-tone]="mark.tone">
                    {{ mark.symbol === 'new' ? mark.text : mark.symbol + ' ' + mark.text }}
                  </span>
                }
              </li>
            } @empty {
              <li class="muted">No results now.</li>
            }
          </ol>
        </div>
      </div>
    </section>
  `,
  styles: `
    .replay {
      margin-top: 12px;
      padding: 10px 12px;
      border: 1px solid #d0d7de;
      border-radius: 6px;
    }
    .summary {
      margin: 0 0 8px;
    }
    .columns {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    h4 {
      margin: 0 0 4px;
      font-size: 0.9rem;
    }
    ol {
      margin: 0;
      padding-left: 20px;
      font-size: 0.85rem;
    }
    li {
      margin-bottom: 4px;
    }
    .score {
      margin-left: 6px;
      color: #1f4e8c;
    }
    .mark {
      margin-left: 6px;
      padding: 0 6px;
      border-radius: 8px;
      font-size: 0.75rem;
      white-space: nowrap;
    }
    .up,
    .new {
      background: #dafbe1;
      color: #1a7f37;
    }
    .down,
    .lost {
      background: #ffebe9;
      color: #b42318;
    }
    li.lost .title {
      text-decoration: line-through;
    }
  `,
})
export class ReplayPanelComponent {
  readonly replay = input.required<JobReplay>();

  private readonly changes = computed(() => changesByVideo(this.replay().changes));

  protected markOf(videoId: number): ChangeMark | null {
    const change = this.changes().get(videoId);
    return change ? changeMark(change) : null;
  }
}
