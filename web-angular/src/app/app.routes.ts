import { Routes } from '@angular/router';
import { authGuard } from './core/auth/auth.guard';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'videos' },
  { path: '', loadChildren: () => import('./features/auth/auth.routes') },
  { path: 'videos', canMatch: [authGuard], loadChildren: () => import('./features/videos/videos.routes') },
  { path: 'search', canMatch: [authGuard], loadChildren: () => import('./features/search/search.routes') },
  { path: 'relevance', canMatch: [authGuard], loadChildren: () => import('./features/relevance/relevance.routes') },
  { path: 'api-keys', canMatch: [authGuard], loadChildren: () => import('./features/api-keys/api-keys.routes') },
  { path: 'dashboard', canMatch: [authGuard], loadChildren: () => import('./features/dashboard/dashboard.routes') },
  { path: 'imports', canMatch: [authGuard], loadChildren: () => import('./features/imports/imports.routes') },
  { path: 'webhooks', canMatch: [authGuard], loadChildren: () => import('./features/webhooks/webhooks.routes') },
  { path: 'requests', canMatch: [authGuard], loadChildren: () => import('./features/requests/requests.routes') },
  { path: 'system', canMatch: [authGuard], loadChildren: () => import('./features/system/system.routes') },
  { path: '**', redirectTo: 'videos' },
];
