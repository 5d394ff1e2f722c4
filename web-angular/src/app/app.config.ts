import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideAnimations } from '@angular/platform-browser/animations';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { client, provideHeyApiClient } from '@video-search/sdk/angular';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { errorInterceptor } from './core/http/error.interceptor';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // ngx-charts animates with the legacy animations package.
    provideAnimations(),
    provideRouter(routes, withComponentInputBinding()),
    // Outermost first: errorInterceptor sees the response last, after authInterceptor handled a 401.
    provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
    // The SDK's request builders take their HttpClient from here; the requests go through ApiClient.
    provideHeyApiClient(client),
  ],
};
