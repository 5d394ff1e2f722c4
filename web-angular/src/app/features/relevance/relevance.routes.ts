import { Routes } from '@angular/router';

export default [
  { path: '', title: 'Relevance · Video Search', loadComponent: () => import('./relevance.page') },
] satisfies Routes;
