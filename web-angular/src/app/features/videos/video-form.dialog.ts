import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Video, VideoInput } from '../../core/api/api.types';
import { VideosApiService } from '../../core/api/videos-api.service';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';

export interface VideoFormData {
  video: Video | null;
}

/** Create or edit one video; the API's validation message is shown in place and the dialog stays open. */
@Component({
  selector: 'app-video-form-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './video-form.dialog.html',
  styles: `
    form {
      display: flex;
      flex-direction: column;
      min-width: min(520px, 80vw);
    }
    .api-error {
      color: #b42318;
      background: #fff5f5;
      border: 1px solid #ffc9c9;
      border-radius: 8px;
      padding: 8px 12px;
    }
  `,
})
export class VideoFormDialog {
  private readonly api = inject(VideosApiService);
  private readonly session = inject(SessionService);
  private readonly dialogRef = inject<MatDialogRef<VideoFormDialog, Video>>(MatDialogRef);
  protected readonly data = inject<VideoFormData>(MAT_DIALOG_DATA);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.data.video?.title ?? '', Validators.required],
    description: [this.data.video?.description ?? ''],
    duration: [this.data.video?.duration ?? 0, Validators.min(0)],
    tags: [(this.data.video?.tags ?? []).join(', ')],
  });
  protected readonly saving = signal(false);
  protected readonly apiError = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const input: VideoInput = {
      title: raw.title,
      description: raw.description,
      duration: Number(raw.duration),
      tags: raw.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
    };
    const userId = this.session.requireUserId();
    const request = this.data.video
      ? this.api.update(userId, this.data.video.id, input)
      : this.api.create(userId, input);
    this.saving.set(true);
    this.apiError.set(null);
    request.subscribe({
      next: (video) => this.dialogRef.close(video),
      error: (error: unknown) => {
        this.apiError.set(errorMessage(error));
        this.saving.set(false);
      },
    });
  }
}
