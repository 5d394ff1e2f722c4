import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { SessionService } from '../app/core/auth/session.service';
import { errorInterceptor } from '../app/core/http/error.interceptor';

type Providers = Array<Provider | EnvironmentProviders>;

/**
 * Configures the testing module as the app talks to the API (HttpClient with the error interceptor, the generated
 * client) over the testing backend, and returns the backend to answer the requests with.
 */
export function apiTesting(providers: Providers = []): HttpTestingController {
  TestBed.configureTestingModule({
    providers: [
      provideNoopAnimations(),
      provideHttpClient(withInterceptors([errorInterceptor])),
      provideHttpClientTesting(),
      provideHeyApiClient(client),
      ...providers,
    ],
  });
  return TestBed.inject(HttpTestingController);
}

/** As apiTesting, signed in (as user 9 unless told otherwise) from a fresh session storage. */
export function signedInApiTesting(providers: Providers = [], userId = 9): HttpTestingController {
  sessionStorage.clear();
  const backend = apiTesting(providers);
  TestBed.inject(SessionService).start({ token: 't', user: { id: userId, email: 'a@b.c', name: '' } });
  return backend;
}
