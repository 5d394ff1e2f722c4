import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, Observable, of } from 'rxjs';
import { ApiError } from '../http/api-error';
import { CircuitBreaker, Health, SystemStatus } from './api.types';

@Injectable({ providedIn: 'root' })
export class SystemApiService {
  private readonly http = inject(HttpClient);

  circuitBreaker(): Observable<CircuitBreaker> {
    return this.http.get<CircuitBreaker>('/api/v1/system/circuit-breaker');
  }

  status(): Observable<SystemStatus> {
    return this.http.get<SystemStatus>('/api/v1/system/status');
  }

  /** `/health` answers 503 with the same body when a dependency is down; that body is what we show. */
  health(): Observable<Health> {
    return this.http.get<Health>('/health').pipe(
      catchError((error: unknown) => {
        if (error instanceof ApiError && error.status === 503) {
          const body = error.body as Health | null;
          return of(body && typeof body.status === 'string' ? body : { status: 'unhealthy' });
        }
        throw error;
      }),
    );
  }
}
