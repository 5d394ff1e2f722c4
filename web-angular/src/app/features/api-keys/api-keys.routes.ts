import { Routes } from '@angular/router';

export default [
  { path: '', title: 'API keys · Video Search', loadComponent: () => import('./api-keys.page') },
] satisfies Routes;
