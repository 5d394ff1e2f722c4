import { DatePipe, DecimalPipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { SearchJob } from '../../core/api/api.types';
import { SearchApiService } from '../../core/api/search-api.service';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { HighlightPipe } from '../../ui/highlight/highlight.pipe';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { JobStatusChipComponent } from '../../ui/status/job-status-chip.component';
import { canCancel, canRetry } from './job-actions';

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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './job-details.dialog.html',
  styleUrl: './job-details.dialog.scss',
})
export class JobDetailsDialog {
  private readonly api = inject(SearchApiService);
  private readonly notify = inject(NotifyService);
  protected readonly data = inject<JobDetailsData>(MAT_DIALOG_DATA);

  protected readonly job = rxResource({ stream: () => this.api.jobDetails(this.data.jobId) });
  protected readonly error = computed(() => (this.job.error() ? errorMessage(this.job.error()) : null));
  protected readonly acting = signal(false);
  protected readonly canRetry = canRetry;
  protected readonly canCancel = canCancel;

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
