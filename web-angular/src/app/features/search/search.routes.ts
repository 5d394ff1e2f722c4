import { Routes } from '@angular/router';

export default [
  { path: '', pathMatch: 'full', title: 'Search · Video Search', loadComponent: () => import('./search.page') },
  {
    path: 'settings',
    title: 'Search settings · Video Search',
    loadComponent: () => import('./search-settings.page'),
  },
] satisfies Routes;
