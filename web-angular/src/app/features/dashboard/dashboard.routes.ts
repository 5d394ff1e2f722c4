import { Routes } from '@angular/router';

export default [
  { path: '', title: 'Dashboard · Video Search', loadComponent: () => import('./dashboard.page') },
] satisfies Routes;
