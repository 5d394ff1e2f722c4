import { HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  captionsControllerDeleteRequest,
  captionsControllerGetRequest,
  captionsControllerReplaceRequest,
  type CaptionsControllerDeleteResponse,
  type CaptionsControllerReplaceData,
} from '@video-search/sdk/angular';
import { catchError, Observable, of, throwError } from 'rxjs';
import { ApiClient } from '../../../core/api/api-client';
import { Captions, CaptionsSummary } from '../../../core/api/api.types';
import { ApiError } from '../../../core/http/api-error';
import { CAPTION_CONTENT_TYPES, CaptionFormat } from './caption-file';

@Injectable({ providedIn: 'root' })
export class CaptionsApiService {
  private readonly api = inject(ApiClient);

  /**
   * Sends the file as the raw body with its format's content type (at most 2 MB); the events carry the
   * upload's progress, the last one the summary.
   */
  upload(
    userId: number,
    videoId: number,
    file: Blob,
    format: CaptionFormat,
    language: string | null,
  ): Observable<HttpEvent<CaptionsSummary>> {
    return this.api.events(
      captionsControllerReplaceRequest({
        path: { userId, videoId },
        query: { format, ...(language ? { language } : {}) },
        // The SDK types the body by the route's JSON media type ({format, content, language}); the caption
        // media types (text/vtt, application/x-subrip) take the file itself, passed through untouched.
        body: file as unknown as CaptionsControllerReplaceData['body'],
        headers: { 'Content-Type': CAPTION_CONTENT_TYPES[format] },
      }),
    );
  }

  /** The video's captions with every cue; null when it has none (404). */
  get(userId: number, videoId: number): Observable<Captions | null> {
    return this.api
      .send(captionsControllerGetRequest({ path: { userId, videoId } }))
      .pipe(
        catchError((error: unknown) =>
          error instanceof ApiError && error.status === 404 ? of(null) : throwError(() => error),
        ),
      );
  }

  remove(userId: number, videoId: number): Observable<CaptionsControllerDeleteResponse> {
    return this.api.send(captionsControllerDeleteRequest({ path: { userId, videoId } }));
  }
}
