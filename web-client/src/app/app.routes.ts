import { Routes } from '@angular/router';

import { ArticleDetail } from './articles/article-detail';
import { ArticleEditor } from './articles/article-editor';
import { ArticleList } from './articles/article-list';
import { signedInGuard, signedOutGuard } from './auth/guards';
import { Login } from './auth/login';
import { Register } from './auth/register';
import { NotFound } from './layout/not-found';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'articles' },
  { path: 'login', component: Login, canActivate: [signedOutGuard], title: 'Sign in · Blog' },
  {
    path: 'register',
    component: Register,
    canActivate: [signedOutGuard],
    title: 'Create account · Blog',
  },
  {
    path: 'articles',
    canActivateChild: [signedInGuard],
    children: [
      { path: '', component: ArticleList, title: 'Your articles · Blog' },
      { path: 'new', component: ArticleEditor, title: 'New article · Blog' },
      { path: ':id', component: ArticleDetail, title: 'Article · Blog' },
    ],
  },
  { path: '**', component: NotFound, title: 'Page not found · Blog' },
];
