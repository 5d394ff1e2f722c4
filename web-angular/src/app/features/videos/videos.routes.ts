import { Routes } from '@angular/router';

export default [
  { path: '', title: 'Videos · Video Search', loadComponent: () => import('./video-library.page') },
] satisfies Routes;
