import { Routes } from '@angular/router';
import { guestGuard } from '../../core/auth/auth.guard';

export default [
  {
    path: 'login',
    title: 'Sign in · Video Search',
    canActivate: [guestGuard],
    loadComponent: () => import('./login.page'),
  },
  {
    path: 'register',
    title: 'Create account · Video Search',
    canActivate: [guestGuard],
    loadComponent: () => import('./register.page'),
  },
] satisfies Routes;
