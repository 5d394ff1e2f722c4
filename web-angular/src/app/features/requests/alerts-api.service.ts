import { inject, Injectable } from '@angular/core';
import {
  alertsControllerCreateRequest,
  alertsControllerEventsRequest,
  alertsControllerListRequest,
  alertsControllerRemoveRequest,
  type AlertEventDto,
  type AlertRuleDto,
  type CreateAlertRuleDto,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';

@Injectable({ providedIn: 'root' })
export class AlertsApiService {
  private readonly api = inject(ApiClient);

  rules(): Observable<AlertRuleDto[]> {
    return this.api.send(alertsControllerListRequest({})).pipe(map((response) => response.rules));
  }

  create(rule: CreateAlertRuleDto): Observable<AlertRuleDto> {
    return this.api.send(alertsControllerCreateRequest({ body: rule }));
  }

  remove(id: string): Observable<void> {
    return this.api.send(alertsControllerRemoveRequest({ path: { id } }));
  }

  events(limit = 20): Observable<AlertEventDto[]> {
    return this.api.send(alertsControllerEventsRequest({ query: { limit } })).pipe(map((response) => response.events));
  }
}
