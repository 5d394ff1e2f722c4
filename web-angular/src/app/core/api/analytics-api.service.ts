import { HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  analyticsControllerApiKeysRequest,
  analyticsControllerDailyRequest,
  analyticsControllerEndpointsRequest,
  analyticsControllerExportRequest,
  analyticsControllerSearchRequest,
  analyticsControllerSummaryRequest,
  quotasControllerStatusRequest,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { withoutBlanks } from '../http/query-params';
import { ApiClient } from './api-client';
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
  private readonly api = inject(ApiClient);

  usage(query: AnalyticsQuery = {}): Observable<UsageSummary> {
    return this.api.send(analyticsControllerSummaryRequest({ query: withoutBlanks(query) }));
  }

  daily(query: AnalyticsQuery = {}): Observable<DailyUsage[]> {
    return this.api
      .send(analyticsControllerDailyRequest({ query: withoutBlanks(query) }))
      .pipe(map((response) => response.days));
  }

  endpoints(query: AnalyticsQuery = {}): Observable<EndpointUsage[]> {
    return this.api
      .send(analyticsControllerEndpointsRequest({ query: withoutBlanks(query) }))
      .pipe(map((response) => response.endpoints));
  }

  apiKeys(query: AnalyticsQuery = {}): Observable<ApiKeyAnalytics> {
    return this.api.send(analyticsControllerApiKeysRequest({ query: withoutBlanks(query) }));
  }

  search(query: AnalyticsQuery = {}): Observable<SearchAnalytics> {
    return this.api.send(analyticsControllerSearchRequest({ query: withoutBlanks(query) }));
  }

  quota(apiKeyId?: string): Observable<Quota> {
    return this.api.send(quotasControllerStatusRequest({ query: withoutBlanks({ api_key_id: apiKeyId }) }));
  }

  export(format: ExportFormat, type: ExportType, query: AnalyticsQuery = {}): Observable<ExportFile> {
    const request = analyticsControllerExportRequest({ query: { ...withoutBlanks(query), format, type } });
    return this.api.download(request).pipe(map((response) => toExportFile(response, `${type}.${format}`)));
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
