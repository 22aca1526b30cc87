import { Routes } from '@angular/router';

import { ArticleDetail } from './article-detail';
import { ArticleEditor } from './article-editor';
import { ArticleList } from './article-list';

/** The signed-in author's articles, loaded with the first visit to /articles. */
export default [
  { path: '', component: ArticleList, title: 'Your articles · Blog' },
  { path: 'new', component: ArticleEditor, title: 'New article · Blog' },
  { path: ':id', component: ArticleDetail, title: 'Article · Blog' },
  { path: ':id/edit', component: ArticleEditor, title: 'Edit article · Blog' },
] satisfies Routes;
