import { inject, Injectable } from '@angular/core';
import {
  requestExplorerControllerErrorsRequest,
  requestExplorerControllerGetRequest,
  requestExplorerControllerListRequest,
  type ErrorGroupDto,
  type LoggedRequestDto,
  type RequestLogPageDto,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';
import { RequestQuery } from './request-filters';

@Injectable({ providedIn: 'root' })
export class RequestsApiService {
  private readonly api = inject(ApiClient);

  list(query: RequestQuery): Observable<RequestLogPageDto> {
    return this.api.send(requestExplorerControllerListRequest({ query }));
  }

  errors(query: RequestQuery): Observable<ErrorGroupDto[]> {
    return this.api.send(requestExplorerControllerErrorsRequest({ query })).pipe(map((response) => response.groups));
  }

  get(requestId: string): Observable<LoggedRequestDto> {
    return this.api.send(requestExplorerControllerGetRequest({ path: { requestId } }));
  }
}
