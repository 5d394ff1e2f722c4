import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { toParams } from '../http/query-params';
import { JobList, JobListQuery, SearchAlgorithm, SearchJob, SearchRequest, SearchSubmission } from './api.types';
import { InstantSearchQuery, SearchAnswer, SearchClick, SearchSettings, SearchSettingsInput } from './search.types';

@Injectable({ providedIn: 'root' })
export class SearchApiService {
  private readonly http = inject(HttpClient);

  /** `waitSeconds` becomes `Prefer: wait=N`; the gateway answers 202 when the job outlives it. */
  submit(userId: number, request: SearchRequest, waitSeconds?: number): Observable<SearchSubmission> {
    const headers = waitSeconds === undefined ? undefined : new HttpHeaders({ Prefer: `wait=${waitSeconds}` });
    return this.http.post<SearchSubmission>(`/api/v1/users/${userId}/search`, request, { headers });
  }

  getJob(userId: number, jobId: string): Observable<SearchJob> {
    return this.http.get<SearchJob>(`/api/v1/users/${userId}/search/${encodeURIComponent(jobId)}`);
  }

  listJobs(query: JobListQuery): Observable<JobList> {
    return this.http.get<JobList>('/api/v1/search/jobs', { params: toParams(query) });
  }

  jobDetails(jobId: string): Observable<SearchJob> {
    return this.http.get<SearchJob>(`/api/v1/search/jobs/${encodeURIComponent(jobId)}/details`);
  }

  retry(jobId: string): Observable<SearchJob> {
    return this.http.post<SearchJob>(`/api/v1/search/jobs/${encodeURIComponent(jobId)}/retry`, {});
  }

  cancel(jobId: string): Observable<SearchJob> {
    return this.http.post<SearchJob>(`/api/v1/search/jobs/${encodeURIComponent(jobId)}/cancel`, {});
  }

  algorithms(): Observable<SearchAlgorithm[]> {
    return this.http
      .get<{ algorithms: SearchAlgorithm[] }>('/api/v1/search/algorithms')
      .pipe(map((response) => response.algorithms));
  }

  /** As-you-type search: answers at once with results, highlights and facets (503 when the service is slow). */
  instant(userId: number, query: InstantSearchQuery): Observable<SearchAnswer> {
    return this.http.get<SearchAnswer>(`/api/v1/users/${userId}/search`, { params: toParams(query) });
  }

  /** Completions of what was typed, from the owner's words and past queries, best first. */
  suggest(userId: number, q: string, limit = 8): Observable<string[]> {
    return this.http
      .get<{ suggestions: string[] }>(`/api/v1/users/${userId}/search/suggest`, { params: toParams({ q, limit }) })
      .pipe(map((response) => response.suggestions));
  }

  recordClick(userId: number, jobId: string, videoId: number, position: number): Observable<SearchClick> {
    return this.http.post<SearchClick>(`/api/v1/users/${userId}/search/${encodeURIComponent(jobId)}/clicks`, {
      video_id: videoId,
      position,
    });
  }

  settings(userId: number): Observable<SearchSettings> {
    return this.http.get<SearchSettings>(`/api/v1/users/${userId}/search/settings`);
  }

  /** Replaces the whole settings; omitted fields take their defaults (so `{}` resets them). */
  saveSettings(userId: number, settings: Partial<SearchSettingsInput>): Observable<SearchSettings> {
    return this.http.put<SearchSettings>(`/api/v1/users/${userId}/search/settings`, settings);
  }
}
