import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { AnalyticsApiService } from '../../core/api/analytics-api.service';
import { DateRange, ExportFormat, ExportType } from '../../core/api/api.types';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { saveBlob } from '../../core/util/download';

@Component({
  selector: 'app-export-panel',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="exports">
      @for (type of types; track type) {
        <div class="export">
          <span class="what">{{ type === 'usage' ? 'Usage (requests)' : 'Search jobs' }}</span>
          @for (format of formats; track format) {
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy() !== null"
              (click)="download(type, format)"
              [attr.data-testid]="'export-' + type + '-' + format"
            >
              {{ busy() === type + format ? 'Preparing…' : format.toUpperCase() }}
            </button>
          }
        </div>
      }
    </div>
    <p class="muted note">Exports cover the selected date range.</p>
  `,
  styles: `
    .exports {
      display: flex;
      flex-wrap: wrap;
      gap: 16px 32px;
    }
    .export {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .what {
      min-width: 130px;
    }
    .note {
      font-size: 0.82rem;
      margin-bottom: 0;
    }
  `,
})
export class ExportPanelComponent {
  private readonly api = inject(AnalyticsApiService);
  private readonly notify = inject(NotifyService);
  readonly range = input.required<DateRange>();

  protected readonly types: ExportType[] = ['usage', 'jobs'];
  protected readonly formats: ExportFormat[] = ['csv', 'json'];
  protected readonly busy = signal<string | null>(null);

  protected download(type: ExportType, format: ExportFormat): void {
    this.busy.set(type + format);
    this.api.export(format, type, this.range()).subscribe({
      next: (file) => {
        saveBlob(file.blob, file.filename);
        this.busy.set(null);
      },
      error: (error: unknown) => {
        this.notify.error(`Export failed: ${errorMessage(error)}`);
        this.busy.set(null);
      },
    });
  }
}
