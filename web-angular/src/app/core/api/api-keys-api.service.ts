import { inject, Injectable } from '@angular/core';
import {
  apiKeysControllerCreateRequest,
  apiKeysControllerListRequest,
  apiKeysControllerRevokeRequest,
  apiKeyUsageControllerDailyRequest,
  type ApiKeysControllerRevokeResponse,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { withoutBlanks } from '../http/query-params';
import { ApiClient } from './api-client';
import { ApiKey, ApiKeyInput, CreatedApiKey, DailyUsage, DateRange } from './api.types';

@Injectable({ providedIn: 'root' })
export class ApiKeysApiService {
  private readonly api = inject(ApiClient);

  /** Live keys; with `includeRevoked` the revoked ones too, with their `revoked_at`. */
  list(options: { includeRevoked?: boolean } = {}): Observable<ApiKey[]> {
    const query = options.includeRevoked ? { include_revoked: true } : {};
    return this.api.send(apiKeysControllerListRequest({ query })).pipe(map((response) => response.api_keys));
  }

  create(input: ApiKeyInput): Observable<CreatedApiKey> {
    return this.api.send(apiKeysControllerCreateRequest({ body: input }));
  }

  revoke(id: string): Observable<ApiKeysControllerRevokeResponse> {
    return this.api.send(apiKeysControllerRevokeRequest({ path: { id } }));
  }

  dailyUsage(id: string, range: DateRange = {}): Observable<DailyUsage[]> {
    return this.api
      .send(apiKeyUsageControllerDailyRequest({ path: { id }, query: withoutBlanks(range) }))
      .pipe(map((response) => response.days));
  }
}
