import { Routes } from '@angular/router';

export default [
  { path: 'login', title: 'Sign in · Video Search', loadComponent: () => import('./login.page') },
  { path: 'register', title: 'Create account · Video Search', loadComponent: () => import('./register.page') },
] satisfies Routes;
