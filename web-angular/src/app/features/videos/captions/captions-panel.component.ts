import { ScrollingModule } from '@angular/cdk/scrolling';
import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { filter, Subscription, switchMap } from 'rxjs';
import { CaptionCue, Captions } from '../../../core/api/api.types';
import { SessionService } from '../../../core/auth/session.service';
import { errorMessage } from '../../../core/http/api-error';
import { NotifyService } from '../../../core/notify/notify.service';
import { ConfirmData, ConfirmDialog } from '../../../ui/dialog/confirm.dialog';
import { FileDropDirective } from '../../../ui/file-drop/file-drop.directive';
import { DurationPipe } from '../duration.pipe';
import { captionFormat, errorLine, normaliseLanguage, refusal } from './caption-file';
import { CaptionsApiService } from './captions-api.service';

/** Height of one cue row in the list, in px; the virtual scroll renders only the rows in view. */
export const CUE_ROW_PX = 56;
const MAX_LIST_PX = 360;

type UploadPhase = 'uploading' | 'processing' | 'done' | 'failed';

interface UploadProblem {
  message: string;
  line: number | null;
}

/** A video's captions: upload (pick or drop a .vtt/.srt file), the summary, the cue list and delete. */
@Component({
  selector: 'app-captions-panel',
  imports: [
    FileDropDirective,
    DatePipe,
    DecimalPipe,
    ScrollingModule,
    MatButtonModule,
    MatProgressBarModule,
    DurationPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './captions-panel.component.html',
  styleUrl: './captions-panel.component.scss',
})
export class CaptionsPanelComponent {
  private readonly api = inject(CaptionsApiService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly userId = inject(SessionService).requireUserId();
  private loading?: Subscription;
  private running?: Subscription;

  readonly videoId = input.required<number>();

  protected readonly rowPx = CUE_ROW_PX;
  /** undefined while the first answer is awaited, null when the video has no captions. */
  protected readonly captions = signal<Captions | null | undefined>(undefined);
  protected readonly loadError = signal<string | null>(null);
  protected readonly language = signal('');
  protected readonly fileName = signal<string | null>(null);
  protected readonly phase = signal<UploadPhase | null>(null);
  protected readonly uploadPercent = signal(0);
  protected readonly problem = signal<UploadProblem | null>(null);
  protected readonly deleting = signal(false);
  protected readonly cueQuery = signal('');

  protected readonly busy = computed(() => this.phase() === 'uploading' || this.phase() === 'processing');
  protected readonly cues = computed(() => this.captions()?.cues ?? []);
  protected readonly shownCues = computed(() => {
    const query = this.cueQuery().trim().toLowerCase();
    const cues = this.cues();
    return query ? cues.filter((cue) => cue.text.toLowerCase().includes(query)) : cues;
  });
  protected readonly listHeight = computed(() =>
    Math.min(MAX_LIST_PX, Math.max(1, this.shownCues().length) * CUE_ROW_PX),
  );
  /** The problem's text without the "Line N:" the badge already shows. */
  protected readonly problemText = computed(() => {
    const problem = this.problem();
    return problem && problem.line !== null ? problem.message.replace(/^Line \d+:\s*/, '') : (problem?.message ?? '');
  });

  constructor() {
    effect(() => {
      const videoId = this.videoId();
      untracked(() => this.load(videoId));
    });
    inject(DestroyRef).onDestroy(() => {
      this.loading?.unsubscribe();
      this.running?.unsubscribe();
    });
  }

  protected reload(): void {
    this.load(this.videoId());
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) {
      this.start(file);
    }
  }

  protected typedLanguage(event: Event): void {
    this.language.set((event.target as HTMLInputElement).value);
  }

  protected typedCueQuery(event: Event): void {
    this.cueQuery.set((event.target as HTMLInputElement).value);
  }

  protected trackCue(index: number, cue: CaptionCue): string {
    return `${cue.start}:${cue.end}:${index}`;
  }

  protected confirmDelete(): void {
    this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
        data: {
          title: 'Delete captions?',
          message: 'The cues will be removed and the video will no longer be found by what is said in it.',
          confirmLabel: 'Delete captions',
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.deleting.set(true);
          return this.api.remove(this.userId, this.videoId());
        }),
      )
      .subscribe({
        next: () => {
          this.deleting.set(false);
          this.captions.set(null);
          this.phase.set(null);
          this.problem.set(null);
          this.notify.success('Deleted the captions');
        },
        error: (error: unknown) => {
          this.deleting.set(false);
          this.notify.error(errorMessage(error));
        },
      });
  }

  protected start(file: File): void {
    this.fileName.set(file.name);
    const refused = refusal(file);
    const format = captionFormat(file);
    if (refused !== null || format === null) {
      this.phase.set('failed');
      this.problem.set({ message: refused ?? 'Choose a WebVTT (.vtt) or SubRip (.srt) file.', line: null });
      return;
    }
    this.problem.set(null);
    this.phase.set('uploading');
    this.uploadPercent.set(0);
    this.running?.unsubscribe();
    const videoId = this.videoId();
    this.running = this.api.upload(this.userId, videoId, file, format, normaliseLanguage(this.language())).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          this.uploadPercent.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
          if (event.total && event.loaded >= event.total) {
            this.phase.set('processing');
          }
        } else if (event.type === HttpEventType.Response && event.body) {
          this.uploadPercent.set(100);
          this.phase.set('done');
          this.notify.success(`Captions saved: ${event.body.cue_count.toLocaleString('en-US')} cue(s)`);
          this.load(videoId);
        }
      },
      error: (error: unknown) => {
        this.phase.set('failed');
        this.problem.set({ message: errorMessage(error), line: errorLine(error) });
      },
    });
  }

  /** Keeps what is shown while a reload is on its way. */
  private load(videoId: number): void {
    this.loading?.unsubscribe();
    this.loadError.set(null);
    this.loading = this.api.get(this.userId, videoId).subscribe({
      next: (captions) => this.captions.set(captions),
      error: (error: unknown) => this.loadError.set(errorMessage(error)),
    });
  }
}
