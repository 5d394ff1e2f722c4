import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  VideosControllerCreateResponse,
  VideosControllerDeleteResponse,
  VideosControllerGetResponse,
  VideosControllerUpdateResponse,
} from '@video-search/sdk/models';
import { Observable } from 'rxjs';
import { toParams } from '../http/query-params';
import { Video, VideoInput, VideoList, VideoListQuery } from './api.types';

@Injectable({ providedIn: 'root' })
export class VideosApiService {
  private readonly http = inject(HttpClient);

  list(userId: number, query: VideoListQuery): Observable<VideoList> {
    return this.http.get<VideoList>(this.base(userId), { params: toParams(query) });
  }

  get(userId: number, videoId: number): Observable<Video> {
    return this.http.get<VideosControllerGetResponse>(`${this.base(userId)}/${videoId}`);
  }

  create(userId: number, input: VideoInput): Observable<Video> {
    return this.http.post<VideosControllerCreateResponse>(this.base(userId), input);
  }

  update(userId: number, videoId: number, input: VideoInput): Observable<Video> {
    return this.http.put<VideosControllerUpdateResponse>(`${this.base(userId)}/${videoId}`, input);
  }

  remove(userId: number, videoId: number): Observable<VideosControllerDeleteResponse> {
    return this.http.delete<VideosControllerDeleteResponse>(`${this.base(userId)}/${videoId}`);
  }

  private base(userId: number): string {
    return `/api/v1/users/${userId}/videos`;
  }
}
