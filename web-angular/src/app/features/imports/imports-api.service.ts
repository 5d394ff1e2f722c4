import { HttpClient, HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportAcceptedDto, ImportDto, ImportListDto } from '@video-search/sdk/models';
import { Observable } from 'rxjs';
import { ImportFormat } from './import-file';

@Injectable({ providedIn: 'root' })
export class ImportsApiService {
  private readonly http = inject(HttpClient);

  /** Streams the file as the raw body; the events carry the upload's progress, the last one the 202. */
  upload(
    userId: number,
    file: Blob,
    format: ImportFormat,
    idempotencyKey: string,
  ): Observable<HttpEvent<ImportAcceptedDto>> {
    return this.http.post<ImportAcceptedDto>(`${base(userId)}/import`, file, {
      params: { format },
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv' : 'application/x-ndjson',
        'Idempotency-Key': idempotencyKey,
      },
      reportProgress: true,
      observe: 'events',
    });
  }

  get(userId: number, importId: number): Observable<ImportDto> {
    return this.http.get<ImportDto>(`${base(userId)}/imports/${importId}`);
  }

  list(userId: number): Observable<ImportListDto> {
    return this.http.get<ImportListDto>(`${base(userId)}/imports`, { params: { per_page: 10 } });
  }

  /** Every row error of the import, as the CSV the gateway writes. */
  errorsCsv(userId: number, importId: number): Observable<Blob> {
    return this.http.get(`${base(userId)}/imports/${importId}/errors`, {
      params: { format: 'csv' },
      responseType: 'blob',
    });
  }
}

function base(userId: number): string {
  return `/api/v1/users/${userId}/videos`;
}
