import { inject, Injectable } from '@angular/core';
import {
  videosControllerCreateRequest,
  videosControllerDeleteRequest,
  videosControllerGetRequest,
  videosControllerListRequest,
  videosControllerUpdateRequest,
  type VideosControllerDeleteResponse,
} from '@video-search/sdk/angular';
import { Observable } from 'rxjs';
import { withoutBlanks } from '../http/query-params';
import { ApiClient } from './api-client';
import { Video, VideoInput, VideoList, VideoListQuery } from './api.types';

@Injectable({ providedIn: 'root' })
export class VideosApiService {
  private readonly api = inject(ApiClient);

  list(userId: number, query: VideoListQuery): Observable<VideoList> {
    return this.api.send(videosControllerListRequest({ path: { userId }, query: withoutBlanks(query) }));
  }

  get(userId: number, videoId: number): Observable<Video> {
    return this.api.send(videosControllerGetRequest({ path: { userId, videoId } }));
  }

  create(userId: number, input: VideoInput): Observable<Video> {
    return this.api.send(videosControllerCreateRequest({ path: { userId }, body: input }));
  }

  update(userId: number, videoId: number, input: VideoInput): Observable<Video> {
    return this.api.send(videosControllerUpdateRequest({ path: { userId, videoId }, body: input }));
  }

  remove(userId: number, videoId: number): Observable<VideosControllerDeleteResponse> {
    return this.api.send(videosControllerDeleteRequest({ path: { userId, videoId } }));
  }
}
