import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { ApiError } from '../http/api-error';
import { SessionService } from './session.service';

const AUTH_ENDPOINTS = ['/api/v1/auth/login', '/api/v1/auth/register'];

/** Adds the bearer token to API calls and sends the user to /login when the API rejects it. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(SessionService);
  const router = inject(Router);
  const token = session.token();
  const isApiCall = req.url.startsWith('/api/');
  const isAuthEndpoint = AUTH_ENDPOINTS.some((path) => req.url.startsWith(path));
  const request =
    token && isApiCall && !isAuthEndpoint ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

  return next(request).pipe(
    catchError((error: unknown) => {
      const status = error instanceof HttpErrorResponse || error instanceof ApiError ? error.status : null;
      // Only a rejected token of the current session means it expired; after a logout there is nothing to end.
      if (status === 401 && !isAuthEndpoint && token !== null && session.token() === token) {
        session.end();
        void router.navigate(['/login'], { queryParams: { reason: 'expired', returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
