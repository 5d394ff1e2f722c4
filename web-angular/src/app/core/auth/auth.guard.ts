import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { SessionService } from './session.service';

export const authGuard: CanMatchFn = (_route, segments) => {
  const session = inject(SessionService);
  if (session.isAuthenticated()) {
    return true;
  }
  const returnUrl = '/' + segments.map((segment) => segment.path).join('/');
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

/** For login and register: a signed-in user has nothing to do there. */
export const guestGuard: CanActivateFn = () =>
  inject(SessionService).isAuthenticated() ? inject(Router).createUrlTree(['/videos']) : true;
