import { Routes } from '@angular/router';

export default [
  { path: '', title: 'Webhooks · Video Search', loadComponent: () => import('./webhooks.page') },
  { path: ':id', title: 'Webhook deliveries · Video Search', loadComponent: () => import('./webhook-detail.page') },
] satisfies Routes;
