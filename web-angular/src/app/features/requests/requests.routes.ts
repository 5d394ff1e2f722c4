import { Routes } from '@angular/router';

export default [
  { path: '', title: 'Requests · Video Search', loadComponent: () => import('./requests.page') },
] satisfies Routes;
