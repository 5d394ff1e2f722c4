import { Controller } from '@nestjs/common';
import {
  HealthCheckRequest,
  HealthCheckResponse,
  HealthControllerMethods,
  HealthController as HealthServiceController,
  HealthCheckResponse_ServingStatus as ServingStatus,
} from '@proto/gen/ts/grpc/health/v1/health';
import { INDEX_SERVICE_NAME, VIDEOSEARCH_SEARCH_V1_PACKAGE_NAME } from '@proto/gen/ts/videosearch/search/v1/index';
import { SEARCH_SERVICE_NAME } from '@proto/gen/ts/videosearch/search/v1/search';
import { Public } from '@search/auth/public.decorator';
import { SearchException } from '@search/common/search.exception';
import { distinctUntilChanged, map, Observable, of } from 'rxjs';
import { ServingState } from './serving-state';

/** '' is the whole server, per the gRPC health protocol; the others are the services this process hosts. */
const KNOWN_SERVICES = new Set([
  '',
  `${VIDEOSEARCH_SEARCH_V1_PACKAGE_NAME}.${SEARCH_SERVICE_NAME}`,
  `${VIDEOSEARCH_SEARCH_V1_PACKAGE_NAME}.${INDEX_SERVICE_NAME}`,
]);

@Public()
@Controller()
@HealthControllerMethods()
export class HealthController implements HealthServiceController {
  constructor(private readonly state: ServingState) {}

  check(request: HealthCheckRequest): HealthCheckResponse {
    const service = request.service ?? '';
    if (!KNOWN_SERVICES.has(service)) {
      throw SearchException.notFound(`Unknown service "${service}"`);
    }
    return { status: this.statusOf(this.state.serving) };
  }

  watch(request: HealthCheckRequest): Observable<HealthCheckResponse> {
    if (!KNOWN_SERVICES.has(request.service ?? '')) {
      return of({ status: ServingStatus.SERVICE_UNKNOWN });
    }
    return this.state.changes().pipe(
      distinctUntilChanged(),
      map((serving) => ({ status: this.statusOf(serving) })),
    );
  }

  private statusOf(serving: boolean): ServingStatus {
    return serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
  }
}
