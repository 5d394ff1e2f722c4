import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { SearchMoment } from '../../core/api/api.types';
import { SearchHit } from '../../core/api/search.types';
import { VideosApiService } from '../../core/api/videos-api.service';
import { errorMessage } from '../../core/http/api-error';
import { MarkedTextComponent } from '../../ui/highlight/marked-text.component';
import { DurationPipe } from '../videos/duration.pipe';

export interface VideoPreviewData {
  userId: number;
  hit: SearchHit;
  /** The moment chip the result was opened from. */
  moment?: SearchMoment;
}

/** The video a search result points at: its stored fields, with the result's highlighted title. */
@Component({
  selector: 'app-video-preview-dialog',
  imports: [MatDialogModule, MatButtonModule, MatProgressSpinnerModule, DatePipe, DurationPipe, MarkedTextComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title><app-marked-text [text]="data.hit.highlights?.title ?? data.hit.title" /></h2>
    <mat-dialog-content data-testid="video-preview">
      @if (data.moment; as moment) {
        <p class="moment" data-testid="video-preview-moment">
          <span class="time">{{ moment.t }}</span> <app-marked-text [text]="moment.text" />
        </p>
      }
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      } @else if (video.value(); as v) {
        <dl>
          <dt>Duration</dt>
          <dd>{{ v.duration | duration }}</dd>
          <dt>Tags</dt>
          <dd>{{ v.tags.length ? v.tags.join(', ') : '–' }}</dd>
          <dt>Added</dt>
          <dd>{{ v.created_at | date: 'medium' }}</dd>
        </dl>
        <p class="description">{{ v.description || 'No description.' }}</p>
      } @else {
        <mat-progress-spinner mode="indeterminate" diameter="28" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
      margin: 0 0 12px;
    }
    dt {
      color: #57606a;
    }
    dd {
      margin: 0;
    }
    .description {
      white-space: pre-line;
    }
    .error {
      color: #b42318;
    }
    .moment {
      margin: 0 0 12px;
      padding: 8px 10px;
      border-left: 3px solid #0b57d0;
      background: #f3f7fe;
    }
    .time {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-weight: 600;
      color: #0b57d0;
    }
  `,
})
export class VideoPreviewDialog {
  private readonly api = inject(VideosApiService);
  protected readonly data = inject<VideoPreviewData>(MAT_DIALOG_DATA);
  protected readonly video = rxResource({ stream: () => this.api.get(this.data.userId, this.data.hit.video_id) });
  protected readonly error = computed(() => (this.video.error() ? errorMessage(this.video.error()) : null));
}
