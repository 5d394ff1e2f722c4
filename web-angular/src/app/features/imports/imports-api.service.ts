import { HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  importsControllerErrorsRequest,
  importsControllerGetRequest,
  importsControllerListRequest,
  importsControllerStartRequest,
  type ImportAcceptedDto,
  type ImportDto,
  type ImportListDto,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { ImportFormat } from './import-file';

@Injectable({ providedIn: 'root' })
export class ImportsApiService {
  private readonly api = inject(ApiClient);

  /** Streams the file as the raw body; the events carry the upload's progress, the last one the 202. */
  upload(
    userId: number,
    file: Blob,
    format: ImportFormat,
    idempotencyKey: string,
  ): Observable<HttpEvent<ImportAcceptedDto>> {
    return this.api.events(
      importsControllerStartRequest({
        path: { userId },
        query: { format },
        body: file,
        headers: {
          'Content-Type': format === 'csv' ? 'text/csv' : 'application/x-ndjson',
          'Idempotency-Key': idempotencyKey,
        },
      }),
    );
  }

  get(userId: number, importId: number): Observable<ImportDto> {
    return this.api.send(importsControllerGetRequest({ path: { userId, importId } }));
  }

  list(userId: number): Observable<ImportListDto> {
    return this.api.send(importsControllerListRequest({ path: { userId }, query: { per_page: 10 } }));
  }

  /** Every row error of the import, as the CSV the gateway writes. */
  errorsCsv(userId: number, importId: number): Observable<Blob> {
    const request = importsControllerErrorsRequest({ path: { userId, importId }, query: { format: 'csv' } });
    return this.api.download(request).pipe(map((response) => response.body ?? new Blob([])));
  }
}
