import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ImportDto, ImportListDto } from '@video-search/sdk/models';
import { Subscription, switchMap, takeWhile, timer } from 'rxjs';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { saveBlob } from '../../core/util/download';
import { FileDropDirective } from '../../ui/file-drop/file-drop.directive';
import { importFormat, ImportPhase, phaseLabel } from './import-file';
import { ImportsApiService } from './imports-api.service';

const POLL_MS = 500;
const ERRORS_SHOWN = 100;

@Component({
  selector: 'app-imports-page',
  imports: [FileDropDirective, DatePipe, DecimalPipe, MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './imports.page.html',
  styleUrl: './imports.page.scss',
})
export default class ImportsPage {
  private readonly api = inject(ImportsApiService);
  private readonly userId = inject(SessionService).requireUserId();
  private readonly destroyRef = inject(DestroyRef);
  private running?: Subscription;

  protected readonly fileName = signal<string | null>(null);
  protected readonly phase = signal<ImportPhase | null>(null);
  protected readonly uploadPercent = signal(0);
  protected readonly job = signal<ImportDto | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly history = signal<ImportListDto | null>(null);
  protected readonly historyError = signal<string | null>(null);

  protected readonly phaseText = computed(() => {
    const phase = this.phase();
    return phase ? phaseLabel(phase) : '';
  });
  /** Upload is the first half of the bar, storing and indexing the second; indexing has no row count. */
  protected readonly progress = computed(() => {
    const phase = this.phase();
    if (phase === 'uploading') {
      return this.uploadPercent() / 2;
    }
    return phase === 'indexing' ? 90 : phase === 'searchable' ? 100 : 50;
  });
  protected readonly shownErrors = computed(() => this.job()?.errors.slice(0, ERRORS_SHOWN) ?? []);
  protected readonly hiddenErrors = computed(() => {
    const job = this.job();
    return job ? job.errors_total - this.shownErrors().length : 0;
  });
  protected readonly busy = computed(() => ['uploading', 'storing', 'indexing'].includes(this.phase() ?? ''));

  constructor() {
    this.loadHistory();
    this.destroyRef.onDestroy(() => this.running?.unsubscribe());
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) {
      this.start(file);
    }
  }

  protected downloadErrors(job: ImportDto): void {
    this.api.errorsCsv(this.userId, job.id).subscribe({
      next: (blob) => saveBlob(blob, `import-${job.id}-errors.csv`),
      error: (error: unknown) => this.error.set(errorMessage(error)),
    });
  }

  protected start(file: File): void {
    const format = importFormat(file);
    this.fileName.set(file.name);
    this.job.set(null);
    if (format === null) {
      this.phase.set(null);
      this.error.set('Choose an NDJSON (.ndjson, .jsonl) or CSV (.csv) file.');
      return;
    }
    this.error.set(null);
    this.phase.set('uploading');
    this.uploadPercent.set(0);
    this.running?.unsubscribe();
    // One key per chosen file: a retried upload of it is answered with the same import, not a second one.
    this.running = this.api
      .upload(this.userId, file, format, crypto.randomUUID())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            this.uploadPercent.set(event.total ? Math.round((100 * event.loaded) / event.total) : 0);
            if (event.total && event.loaded >= event.total) {
              this.phase.set('storing');
            }
          } else if (event.type === HttpEventType.Response && event.body) {
            this.follow(event.body);
          }
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private follow(accepted: ImportDto): void {
    this.show(accepted);
    if (isFinished(accepted)) {
      return;
    }
    this.running = timer(POLL_MS, POLL_MS)
      .pipe(
        switchMap(() => this.api.get(this.userId, accepted.id)),
        takeWhile((job) => !isFinished(job), true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({ next: (job) => this.show(job), error: (error: unknown) => this.fail(error) });
  }

  private show(job: ImportDto): void {
    this.job.set(job);
    this.phase.set(job.status === 'completed' ? 'searchable' : job.status === 'failed' ? 'failed' : 'indexing');
    if (isFinished(job)) {
      this.loadHistory();
    }
  }

  private fail(error: unknown): void {
    this.phase.set('failed');
    this.error.set(errorMessage(error));
  }

  private loadHistory(): void {
    this.api.list(this.userId).subscribe({
      next: (list) => {
        this.history.set(list);
        this.historyError.set(null);
      },
      error: (error: unknown) => this.historyError.set(errorMessage(error)),
    });
  }
}

function isFinished(job: ImportDto): boolean {
  return job.status === 'completed' || job.status === 'failed';
}
