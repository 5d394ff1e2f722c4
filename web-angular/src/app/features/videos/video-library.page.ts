import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { filter, switchMap } from 'rxjs';
import { SortOrder, Video, VideoListQuery, VideoSort } from '../../core/api/api.types';
import { VideosApiService } from '../../core/api/videos-api.service';
import { SessionService } from '../../core/auth/session.service';
import { errorMessage } from '../../core/http/api-error';
import { NotifyService } from '../../core/notify/notify.service';
import { ConfirmData, ConfirmDialog } from '../../ui/dialog/confirm.dialog';
import { AsyncStateComponent } from '../../ui/state/async-state.component';
import { CaptionsDialog, CaptionsDialogData } from './captions/captions.dialog';
import { DurationPipe } from './duration.pipe';
import { VideoFormData, VideoFormDialog } from './video-form.dialog';
import { VideoSearchComponent } from './video-search.component';

const SORTABLE: readonly VideoSort[] = ['created_at', 'title', 'duration'];

@Component({
  selector: 'app-video-library-page',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    DecimalPipe,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    AsyncStateComponent,
    VideoSearchComponent,
    DurationPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './video-library.page.html',
  styleUrl: './video-library.page.scss',
})
export default class VideoLibraryPage {
  private readonly api = inject(VideosApiService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(NotifyService);
  private readonly userId = this.session.requireUserId();

  protected readonly columns = ['title', 'duration', 'tags', 'created_at', 'actions'];
  protected readonly query = signal<VideoListQuery>({ page: 1, per_page: 10, sort: 'created_at', order: 'desc' });
  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [''],
    tag: [''],
    min_duration: [''],
    max_duration: [''],
    created_after: [''],
    created_before: [''],
  });

  protected readonly videos = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.list(this.userId, params),
  });
  protected readonly rows = computed(() => (this.videos.hasValue() ? this.videos.value().videos : []));
  protected readonly total = computed(() => (this.videos.hasValue() ? this.videos.value().pagination.total : 0));
  protected readonly error = computed(() => (this.videos.error() ? errorMessage(this.videos.error()) : null));
  protected readonly filtered = computed(() => {
    const { q, tag, min_duration, max_duration, created_after, created_before } = this.query();
    return [q, tag, min_duration, max_duration, created_after, created_before].some(
      (value) => value !== undefined && value !== null && value !== '',
    );
  });

  protected applyFilters(): void {
    const raw = this.filters.getRawValue();
    this.query.update((query) => ({
      ...query,
      page: 1,
      q: raw.q.trim(),
      tag: raw.tag.trim(),
      min_duration: toNumberOrNull(raw.min_duration),
      max_duration: toNumberOrNull(raw.max_duration),
      created_after: raw.created_after,
      created_before: raw.created_before,
    }));
  }

  protected clearFilters(): void {
    this.filters.reset();
    this.applyFilters();
  }

  protected sortBy(sort: Sort): void {
    const field = SORTABLE.find((candidate) => candidate === sort.active) ?? 'created_at';
    const order: SortOrder = sort.direction === 'asc' ? 'asc' : 'desc';
    this.query.update((query) => ({ ...query, sort: field, order, page: 1 }));
  }

  protected changePage(event: PageEvent): void {
    this.query.update((query) => ({ ...query, page: event.pageIndex + 1, per_page: event.pageSize }));
  }

  protected openForm(video: Video | null): void {
    this.dialog
      .open<VideoFormDialog, VideoFormData, Video>(VideoFormDialog, {
        data: { video },
        // By default the first field is focused only after the open animation, and unconditionally: typing
        // begun in another field during those 150 ms would jump into the title. Focus it as the form renders.
        delayFocusTrap: false,
      })
      .afterClosed()
      .pipe(filter((saved): saved is Video => typeof saved === 'object' && saved !== null))
      .subscribe((saved) => {
        this.notify.success(video ? `Saved “${saved.title}”` : `Created “${saved.title}”`);
        this.videos.reload();
      });
  }

  protected openCaptions(video: Video): void {
    this.dialog.open<CaptionsDialog, CaptionsDialogData>(CaptionsDialog, {
      data: { video },
      width: '760px',
      maxWidth: '95vw',
      autoFocus: 'dialog',
    });
  }

  protected confirmDelete(video: Video): void {
    this.dialog
      .open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, {
        data: {
          title: 'Delete video?',
          message: `“${video.title}” will be removed from your library and from search results.`,
          confirmLabel: 'Delete',
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.remove(this.userId, video.id)),
      )
      .subscribe({
        next: () => {
          this.notify.success(`Deleted “${video.title}”`);
          this.videos.reload();
        },
        error: (error: unknown) => this.notify.error(errorMessage(error)),
      });
  }
}

function toNumberOrNull(value: string | number): number | null {
  if (value === '' || value === null) {
    return null;
  }
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}
