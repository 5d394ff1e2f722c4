import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { SessionService } from '../app/core/auth/session.service';
import { errorInterceptor } from '../app/core/http/error.interceptor';

/**
 * Configures the testing module as the app talks to the API (HttpClient with the error interceptor, the generated
 * client) over the testing backend, signed in as user 9, and returns the backend to answer the requests with.
 */
export function signedInApiTesting(providers: Array<Provider | EnvironmentProviders> = []): HttpTestingController {
  sessionStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideNoopAnimations(),
      provideHttpClient(withInterceptors([errorInterceptor])),
      provideHttpClientTesting(),
      provideHeyApiClient(client),
      ...providers,
    ],
  });
  TestBed.inject(SessionService).start({ token: 't', user: { id: 9, email: 'a@b.c', name: '' } });
  return TestBed.inject(HttpTestingController);
}
