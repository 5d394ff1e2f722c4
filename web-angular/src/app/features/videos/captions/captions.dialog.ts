import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { Video } from '../../../core/api/api.types';
import { CaptionsPanelComponent } from './captions-panel.component';

export interface CaptionsDialogData {
  video: Video;
}

/** The captions panel of one video, opened from its row in the library. */
@Component({
  selector: 'app-captions-dialog',
  imports: [MatDialogModule, MatButtonModule, CaptionsPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Captions · {{ data.video.title }}</h2>
    <mat-dialog-content>
      <app-captions-panel [videoId]="data.video.id" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="captions-close">Close</button>
    </mat-dialog-actions>
  `,
})
export class CaptionsDialog {
  protected readonly data = inject<CaptionsDialogData>(MAT_DIALOG_DATA);
}
