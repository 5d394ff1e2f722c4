import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { JobStatus } from '../../core/api/api.types';

@Component({
  selector: 'app-job-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip status-' + status()" [attr.data-status]="status()">{{
    status()
  }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 0.78rem;
      font-weight: 600;
      text-transform: capitalize;
      background: #eef1f5;
      color: #334155;
    }
    .status-queued {
      background: #eef1f5;
      color: #475569;
    }
    .status-processing {
      background: #e0ecff;
      color: #1f4e8c;
    }
    .status-completed {
      background: #dcfce7;
      color: #166534;
    }
    .status-failed {
      background: #fee2e2;
      color: #b42318;
    }
    .status-cancelled {
      background: #fef3c7;
      color: #92400e;
    }
  `,
})
export class JobStatusChipComponent {
  readonly status = input.required<JobStatus>();
}
