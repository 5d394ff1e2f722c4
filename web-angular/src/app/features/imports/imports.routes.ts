import { Routes } from '@angular/router';

export default [
  { path: '', title: 'Import · Video Search', loadComponent: () => import('./imports.page') },
] satisfies Routes;
