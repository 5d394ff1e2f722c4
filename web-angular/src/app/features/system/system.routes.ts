import { Routes } from '@angular/router';

export default [
  { path: '', title: 'System · Video Search', loadComponent: () => import('./system.page') },
] satisfies Routes;
