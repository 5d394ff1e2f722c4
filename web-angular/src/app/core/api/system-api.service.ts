import { inject, Injectable } from '@angular/core';
import {
  healthControllerCheckRequest,
  systemControllerCircuitBreakerRequest,
  systemControllerStatusRequest,
} from '@video-search/sdk/angular';
import { catchError, Observable, of } from 'rxjs';
import { ApiError } from '../http/api-error';
import { ApiClient } from './api-client';
import { CircuitBreaker, Health, SystemStatus } from './api.types';

@Injectable({ providedIn: 'root' })
export class SystemApiService {
  private readonly api = inject(ApiClient);

  circuitBreaker(): Observable<CircuitBreaker> {
    return this.api.send(systemControllerCircuitBreakerRequest());
  }

  status(): Observable<SystemStatus> {
    return this.api.send(systemControllerStatusRequest());
  }

  /** `/health` answers 503 with the same body when a dependency is down; that body is what we show. */
  health(): Observable<Health> {
    return this.api.send(healthControllerCheckRequest()).pipe(
      catchError((error: unknown) => {
        if (error instanceof ApiError && error.status === 503) {
          const body = error.body as Health | null;
          return of(body && typeof body.status === 'string' ? body : unreachable());
        }
        throw error;
      }),
    );
  }
}

/** What /health would say when its 503 came without the usual body. */
function unreachable(): Health {
  return { status: 'unhealthy', checks: {}, timestamp: new Date().toISOString() };
}
