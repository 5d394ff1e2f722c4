import { HttpClient, HttpHeaders } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { toParams } from '../http/query-params';
import { JobList, JobListQuery, SearchAlgorithm, SearchJob, SearchRequest, SearchSubmission } from './api.types';

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
}
