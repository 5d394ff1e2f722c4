import { inject, Injectable } from '@angular/core';
import {
  analyticsControllerDiagnoseNoResultsRequest,
  analyticsControllerSearchRequest,
  searchPinsControllerCheckRequest,
  searchPinsControllerCreateRequest,
  searchPinsControllerHistoryRequest,
  searchPinsControllerListRequest,
  searchPinsControllerRemoveRequest,
  searchSettingsControllerReplaceRequest,
  type CreatePinDto,
  type NoResultDiagnosisDto,
  type PinCheckDto,
  type PinDto,
  type PinListDto,
  type PinReportDto,
  type ProposedSettingsDto,
  type QueryCountDto,
  type SearchSettingsDto,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { ApiClient } from '../../core/api/api-client';

@Injectable({ providedIn: 'root' })
export class RelevanceApiService {
  private readonly api = inject(ApiClient);

  /** The last 30 days' queries that found nothing: the window the doctor replays its fixes on. */
  noResultQueries(): Observable<QueryCountDto[]> {
    return this.api.send(analyticsControllerSearchRequest({})).pipe(map((stats) => stats.zero_result_queries));
  }

  diagnose(query: string): Observable<NoResultDiagnosisDto> {
    return this.api.send(analyticsControllerDiagnoseNoResultsRequest({ path: { query } }));
  }

  /** A fix carries the whole settings with it applied, so it is written as is; `force` overrides a pin regression. */
  applySettings(userId: number, settings: ProposedSettingsDto, force = false): Observable<SearchSettingsDto> {
    return this.api.send(
      searchSettingsControllerReplaceRequest({
        path: { userId },
        body: settings,
        query: force ? { force: true } : undefined,
      }),
    );
  }

  pins(userId: number): Observable<PinListDto> {
    return this.api.send(searchPinsControllerListRequest({ path: { userId } }));
  }

  createPin(userId: number, pin: CreatePinDto): Observable<PinDto> {
    return this.api.send(searchPinsControllerCreateRequest({ path: { userId }, body: pin }));
  }

  /** Today against the last recorded check, recorded so the health chart gains a point. */
  checkPins(userId: number): Observable<PinReportDto> {
    return this.api.send(searchPinsControllerCheckRequest({ path: { userId }, body: { record: true } }));
  }

  history(userId: number): Observable<PinCheckDto[]> {
    return this.api
      .send(searchPinsControllerHistoryRequest({ path: { userId }, query: { limit: 50 } }))
      .pipe(map((history) => history.checks));
  }

  removePin(userId: number, pinId: string): Observable<void> {
    return this.api.send(searchPinsControllerRemoveRequest({ path: { userId, pinId } })).pipe(map(() => undefined));
  }
}
