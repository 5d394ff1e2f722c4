import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ApiKeysControllerCreateResponse,
  ApiKeysControllerListResponse,
  ApiKeysControllerRevokeResponse,
  ApiKeyUsageControllerDailyResponse,
} from '@video-search/sdk/models';
import { map, Observable } from 'rxjs';
import { toParams } from '../http/query-params';
import { ApiKey, ApiKeyInput, CreatedApiKey, DailyUsage, DateRange } from './api.types';

@Injectable({ providedIn: 'root' })
export class ApiKeysApiService {
  private readonly http = inject(HttpClient);

  /** Live keys; with `includeRevoked` the revoked ones too, with their `revoked_at`. */
  list(options: { includeRevoked?: boolean } = {}): Observable<ApiKey[]> {
    return this.http
      .get<ApiKeysControllerListResponse>('/api/v1/auth/api-keys', {
        params: toParams({ include_revoked: options.includeRevoked ? true : undefined }),
      })
      .pipe(map((response) => response.api_keys));
  }

  create(input: ApiKeyInput): Observable<CreatedApiKey> {
    return this.http.post<ApiKeysControllerCreateResponse>('/api/v1/auth/api-keys', input);
  }

  revoke(id: string): Observable<ApiKeysControllerRevokeResponse> {
    return this.http.delete<ApiKeysControllerRevokeResponse>(`/api/v1/auth/api-keys/${encodeURIComponent(id)}`);
  }

  dailyUsage(id: string, range: DateRange = {}): Observable<DailyUsage[]> {
    return this.http
      .get<ApiKeyUsageControllerDailyResponse>(`/api/v1/auth/api-keys/${encodeURIComponent(id)}/usage/daily`, {
        params: toParams(range),
      })
      .pipe(map((response) => response.days));
  }
}
