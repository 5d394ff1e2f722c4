import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { toParams } from '../http/query-params';
import { ApiKey, ApiKeyInput, CreatedApiKey, DailyUsage, DateRange } from './api.types';

@Injectable({ providedIn: 'root' })
export class ApiKeysApiService {
  private readonly http = inject(HttpClient);

  /** Live keys; with `includeRevoked` the revoked ones too, with their `revoked_at`. */
  list(options: { includeRevoked?: boolean } = {}): Observable<ApiKey[]> {
    return this.http
      .get<{ api_keys: ApiKey[] }>('/api/v1/auth/api-keys', {
        params: toParams({ include_revoked: options.includeRevoked ? true : undefined }),
      })
      .pipe(map((response) => response.api_keys));
  }

  create(input: ApiKeyInput): Observable<CreatedApiKey> {
    return this.http.post<CreatedApiKey>('/api/v1/auth/api-keys', input);
  }

  revoke(id: string): Observable<{ message: string }> {
    return this.http.delete<{ message: string }>(`/api/v1/auth/api-keys/${encodeURIComponent(id)}`);
  }

  dailyUsage(id: string, range: DateRange = {}): Observable<DailyUsage[]> {
    return this.http
      .get<{ days: DailyUsage[] }>(`/api/v1/auth/api-keys/${encodeURIComponent(id)}/usage/daily`, {
        params: toParams(range),
      })
      .pipe(map((response) => response.days));
  }
}
