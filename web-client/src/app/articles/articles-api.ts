import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { apiPaths } from '../shared/api-paths';
import { Article, ArticlePage, CreateArticleRequest } from './article';

export const PAGE_SIZE = 20;

@Injectable({ providedIn: 'root' })
export class ArticlesApi {
  private readonly http = inject(HttpClient);

  /**
   * One page of the signed-in author's articles: newest first, or, with a search, those matching it, best match first,
   * each with its snippet.
   */
  list(cursor: string | null = null, search = ''): Observable<ArticlePage> {
    let params = new HttpParams();
    if (search !== '') {
      params = params.set('q', search);
    }
    params = params.set('limit', PAGE_SIZE);
    if (cursor !== null) {
      params = params.set('cursor', cursor);
    }
    return this.http.get<ArticlePage>(apiPaths.articles, { params });
  }

  get(id: number): Observable<Article> {
    return this.http.get<Article>(apiPaths.article(id));
  }

  create(request: CreateArticleRequest): Observable<Article> {
    return this.http.post<Article>(apiPaths.articles, request);
  }
}
