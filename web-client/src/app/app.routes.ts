import { Routes } from '@angular/router';

import { signedInGuard, signedOutGuard } from './auth/guards';

// Each screen is loaded when it is first visited; the guards and the header are in the first load.
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'articles' },
  {
    path: 'login',
    loadComponent: () => import('./auth/login').then((m) => m.Login),
    canActivate: [signedOutGuard],
    title: 'Sign in · Blog',
  },
  {
    path: 'register',
    loadComponent: () => import('./auth/register').then((m) => m.Register),
    canActivate: [signedOutGuard],
    title: 'Create account · Blog',
  },
  {
    path: 'articles',
    canActivateChild: [signedInGuard],
    loadChildren: () => import('./articles/articles.routes'),
  },
  {
    path: 'account',
    loadComponent: () => import('./account/account').then((m) => m.Account),
    canActivate: [signedInGuard],
    title: 'Account · Blog',
  },
  {
    path: '**',
    loadComponent: () => import('./layout/not-found').then((m) => m.NotFound),
    title: 'Page not found · Blog',
  },
];
