import { DatePipe, DecimalPipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { SearchJob } from '../../core/api/api.types';
import { SearchApiService } from '../../core/api/search-api.service';
import { JobReplay } from '../../core/api/search.types';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { copyText } from '../../ui/clipboard/copy-text';
import { HighlightPipe } from '../../ui/highlight/highlight.pipe';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { JobStatusChipComponent } from '../../ui/status/job-status-chip.component';
import { canCancel, canReplay, canRetry } from './job-actions';
import { curlCommand, grpcurlCommand } from './job-commands';
import { ReplayPanelComponent } from './replay-panel.component';

type ReplayState =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; replay: JobReplay } | { kind: 'error'; message: string };

type CommandKind = 'curl' | 'grpcurl';

export interface JobDetailsData {
  jobId: string;
}

@Component({
  selector: 'app-job-details-dialog',
  imports: [
    DatePipe,
    DecimalPipe,
    JsonPipe,
    MatDialogModule,
    MatButtonModule,
    AsyncStateComponent,
    JobStatusChipComponent,
    HighlightPipe,
    ReplayPanelComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-details.dialog.html',
  styleUrl: './job-details.dialog.scss',
})
export class JobDetailsDialog {
  private readonly api = inject(SearchApiService);
  private readonly notify = inject(NotifyService);
  private readonly userId = inject(SessionService).requireUserId();
  protected readonly data = inject<JobDetailsData>(MAT_DIALOG_DATA);

  protected readonly job = rxResource({ stream: () => this.api.jobDetails(this.data.jobId) });
  protected readonly error = computed(() => (this.job.error() ? errorMessage(this.job.error()) : null));
  protected readonly acting = signal(false);
  protected readonly canRetry = canRetry;
  protected readonly canCancel = canCancel;
  protected readonly canReplay = canReplay;
  protected readonly replayState = signal<ReplayState>({ kind: 'idle' });
  protected readonly replayResult = computed(() => {
    const state = this.replayState();
    return state.kind === 'done' ? state.replay : null;
  });
  protected readonly replayError = computed(() => {
    const state = this.replayState();
    return state.kind === 'error' ? state.message : null;
  });
  /** The command last copied, shown so it can be read (or selected by hand when the copy failed). */
  protected readonly command = signal<{ kind: CommandKind; text: string } | null>(null);

  protected replay(): void {
    this.replayState.set({ kind: 'loading' });
    this.api.replay(this.data.jobId).subscribe({
      next: (replay) => this.replayState.set({ kind: 'done', replay }),
      error: (error: unknown) => this.replayState.set({ kind: 'error', message: errorMessage(error) }),
    });
  }

  protected async copy(kind: CommandKind, job: SearchJob): Promise<void> {
    const text = kind === 'curl' ? curlCommand(job, this.userId, location.origin) : grpcurlCommand(job, this.userId);
    this.command.set({ kind, text });
    if (await copyText(text)) {
      this.notify.success(kind === 'curl' ? 'curl command copied' : 'grpcurl command copied');
    } else {
      this.notify.error('Could not reach the clipboard: select the command below and copy it by hand.');
    }
  }

  protected retry(): void {
    this.act(this.api.retry(this.data.jobId), 'Job queued again');
  }

  protected cancel(): void {
    this.act(this.api.cancel(this.data.jobId), 'Job cancelled');
  }

  private act(request: Observable<SearchJob>, done: string): void {
    this.acting.set(true);
    request.subscribe({
      next: () => {
        this.notify.success(done);
        this.acting.set(false);
        this.job.reload();
      },
      error: (error: unknown) => {
        this.notify.error(errorMessage(error));
        this.acting.set(false);
      },
    });
  }
}
