import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { toParams } from '../http/query-params';
import {
  AnalyticsQuery,
  ApiKeyAnalytics,
  DailyUsage,
  EndpointUsage,
  ExportFormat,
  ExportType,
  Quota,
  SearchAnalytics,
  UsageSummary,
} from './api.types';

export interface ExportFile {
  blob: Blob;
  filename: string;
}

@Injectable({ providedIn: 'root' })
export class AnalyticsApiService {
  private readonly http = inject(HttpClient);

  usage(query: AnalyticsQuery = {}): Observable<UsageSummary> {
    return this.http.get<UsageSummary>('/api/v1/analytics/usage', { params: toParams(query) });
  }

  daily(query: AnalyticsQuery = {}): Observable<DailyUsage[]> {
    return this.http
      .get<{ days: DailyUsage[] }>('/api/v1/analytics/usage/daily', { params: toParams(query) })
      .pipe(map((response) => response.days));
  }

  endpoints(query: AnalyticsQuery = {}): Observable<EndpointUsage[]> {
    return this.http
      .get<{ endpoints: EndpointUsage[] }>('/api/v1/analytics/usage/endpoints', { params: toParams(query) })
      .pipe(map((response) => response.endpoints));
  }

  apiKeys(query: AnalyticsQuery = {}): Observable<ApiKeyAnalytics> {
    return this.http.get<ApiKeyAnalytics>('/api/v1/analytics/api-keys', { params: toParams(query) });
  }

  search(query: AnalyticsQuery = {}): Observable<SearchAnalytics> {
    return this.http.get<SearchAnalytics>('/api/v1/analytics/search', { params: toParams(query) });
  }

  quota(apiKeyId?: string): Observable<Quota> {
    return this.http.get<Quota>('/api/v1/analytics/quota', { params: toParams({ api_key_id: apiKeyId }) });
  }

  export(format: ExportFormat, type: ExportType, query: AnalyticsQuery = {}): Observable<ExportFile> {
    return this.http
      .get('/api/v1/analytics/export', {
        params: toParams({ ...query, format, type }),
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(map((response) => toExportFile(response, `${type}.${format}`)));
  }
}

function toExportFile(response: HttpResponse<Blob>, fallbackName: string): ExportFile {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return {
    blob: response.body ?? new Blob([]),
    filename: match ? decodeURIComponent(match[1]) : fallbackName,
  };
}
