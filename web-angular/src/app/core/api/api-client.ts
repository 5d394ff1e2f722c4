import { HttpClient, HttpEvent, HttpParams, HttpRequest, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { filter, map, Observable } from 'rxjs';

/**
 * Sends the requests built by the SDK's generated builders (`videosControllerListRequest(…)` and the others
 * from `@video-search/sdk/angular`) through HttpClient, so the interceptors and cancellation apply to them.
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  /** The answer's body. */
  send<T>(request: HttpRequest<T>): Observable<T> {
    return this.response(request).pipe(map((response) => response.body as T));
  }

  /** The whole answer: status, headers and body. */
  response<T>(request: HttpRequest<T>): Observable<HttpResponse<T>> {
    return this.http
      .request(withParams(request))
      .pipe(filter((event): event is HttpResponse<T> => event instanceof HttpResponse));
  }

  /** The answer as a file: the body as a Blob, beside the headers (Content-Disposition) and status. */
  download(request: HttpRequest<unknown>): Observable<HttpResponse<Blob>> {
    return this.response(request.clone({ responseType: 'blob' }) as HttpRequest<Blob>);
  }

  /** Every event of the exchange, the upload's progress included; the last one is the answer. */
  events<T>(request: HttpRequest<T>): Observable<HttpEvent<T>> {
    return this.http.request(withParams(request).clone({ reportProgress: true }));
  }
}

/**
 * The builders serialise the query into the URL; as HttpParams it stays visible to interceptors and
 * HttpTestingController (`request.params`), and `request.url` is the path alone.
 */
function withParams<T>(request: HttpRequest<T>): HttpRequest<T> {
  const separator = request.url.indexOf('?');
  if (separator === -1) {
    return request;
  }
  return request.clone({
    url: request.url.slice(0, separator),
    params: new HttpParams({ fromString: request.url.slice(separator + 1) }),
  });
}
