import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { SessionService } from './session.service';

export const authGuard: CanMatchFn = (_route, segments) => {
  const session = inject(SessionService);
  if (session.isAuthenticated()) {
    return true;
  }
  const returnUrl = '/' + segments.map((segment) => segment.path).join('/');
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl } });
};

export const guestGuard: CanMatchFn = () =>
  inject(SessionService).isAuthenticated() ? inject(Router).createUrlTree(['/videos']) : true;
