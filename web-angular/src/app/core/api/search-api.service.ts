import { inject, Injectable } from '@angular/core';
import {
  searchControllerCompareRequest,
  searchControllerGetJobRequest,
  searchControllerInstantRequest,
  searchControllerRecordClickRequest,
  searchControllerSearchRequest,
  searchControllerSuggestRequest,
  searchJobsControllerCancelRequest,
  searchJobsControllerDetailsRequest,
  searchJobsControllerListAlgorithmsRequest,
  searchJobsControllerListJobsRequest,
  searchJobsControllerReplayRequest,
  searchJobsControllerRetryRequest,
  searchSettingsControllerGetRequest,
  searchSettingsControllerReplaceRequest,
} from '@video-search/sdk/angular';
import { map, Observable } from 'rxjs';
import { withoutBlanks } from '../http/query-params';
import { ApiClient } from './api-client';
import { JobList, JobListQuery, SearchAlgorithm, SearchJob, SearchRequest, SearchSubmission } from './api.types';
import {
  InstantSearchQuery,
  JobReplay,
  ResultComparison,
  SearchAnswer,
  SearchClick,
  SearchSettings,
  SearchSettingsInput,
} from './search.types';

@Injectable({ providedIn: 'root' })
export class SearchApiService {
  private readonly api = inject(ApiClient);

  /** `waitSeconds` becomes `Prefer: wait=N`; the gateway answers 202 when the job outlives it. */
  submit(userId: number, request: SearchRequest, waitSeconds?: number): Observable<SearchSubmission> {
    const headers = waitSeconds === undefined ? undefined : { Prefer: `wait=${waitSeconds}` };
    return this.api.send(searchControllerSearchRequest({ path: { userId }, body: request, headers }));
  }

  getJob(userId: number, jobId: string): Observable<SearchJob> {
    return this.api.send(searchControllerGetJobRequest({ path: { userId, jobId } }));
  }

  listJobs(query: JobListQuery): Observable<JobList> {
    const { status, ...rest } = query;
    return this.api.send(
      searchJobsControllerListJobsRequest({
        query: { ...withoutBlanks(rest), ...(status ? { status: [status] } : {}) },
      }),
    );
  }

  jobDetails(jobId: string): Observable<SearchJob> {
    return this.api.send(searchJobsControllerDetailsRequest({ path: { jobId } }));
  }

  retry(jobId: string): Observable<SearchJob> {
    return this.api.send(searchJobsControllerRetryRequest({ path: { jobId } }));
  }

  cancel(jobId: string): Observable<SearchJob> {
    return this.api.send(searchJobsControllerCancelRequest({ path: { jobId } }));
  }

  /** The job's question asked again of today's index; 409 while the job still runs. */
  replay(jobId: string): Observable<JobReplay> {
    return this.api.send(searchJobsControllerReplayRequest({ path: { jobId } }));
  }

  /** Why video `a` ranks where it does against `b` for the job's query; 404 when either does not match. */
  compare(userId: number, jobId: string, a: number, b: number): Observable<ResultComparison> {
    return this.api.send(searchControllerCompareRequest({ path: { userId, jobId }, query: { a, b } }));
  }

  algorithms(): Observable<SearchAlgorithm[]> {
    return this.api.send(searchJobsControllerListAlgorithmsRequest()).pipe(map((response) => response.algorithms));
  }

  /** As-you-type search: answers at once with results, highlights and facets (503 when the service is slow). */
  instant(userId: number, query: InstantSearchQuery): Observable<SearchAnswer> {
    return this.api.send(
      searchControllerInstantRequest({ path: { userId }, query: { ...withoutBlanks(query), q: query.q } }),
    );
  }

  /** Completions of what was typed, from the owner's words and past queries, best first. */
  suggest(userId: number, q: string, limit = 8): Observable<string[]> {
    return this.api
      .send(searchControllerSuggestRequest({ path: { userId }, query: { q, limit } }))
      .pipe(map((response) => response.suggestions));
  }

  recordClick(userId: number, jobId: string, videoId: number, position: number): Observable<SearchClick> {
    return this.api.send(
      searchControllerRecordClickRequest({ path: { userId, jobId }, body: { video_id: videoId, position } }),
    );
  }

  settings(userId: number): Observable<SearchSettings> {
    return this.api.send(searchSettingsControllerGetRequest({ path: { userId } }));
  }

  /** Replaces the whole settings; omitted fields take their defaults (so `{}` resets them). */
  saveSettings(userId: number, settings: Partial<SearchSettingsInput>): Observable<SearchSettings> {
    return this.api.send(searchSettingsControllerReplaceRequest({ path: { userId }, body: settings }));
  }
}
