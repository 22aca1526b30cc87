import { HttpClient, HttpHeaders, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { apiPaths } from '../shared/api-paths';
import {
  Article,
  ArticleDraft,
  ArticlePage,
  CreateArticleRequest,
  Preview,
  VersionedArticle,
} from './article';

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

  get(id: number): Observable<VersionedArticle> {
    return this.http
      .get<Article>(apiPaths.article(id), { observe: 'response' })
      .pipe(map(versioned));
  }

  create(request: CreateArticleRequest): Observable<Article> {
    return this.http.post<Article>(apiPaths.articles, request);
  }

  /**
   * Saves over the version `etag` names. A 412 answer means someone saved another version
   * meanwhile: nothing was written.
   */
  update(id: number, draft: ArticleDraft, etag: string): Observable<VersionedArticle> {
    return this.http
      .put<Article>(apiPaths.article(id), draft, {
        headers: new HttpHeaders({ 'If-Match': etag }),
        observe: 'response',
      })
      .pipe(map(versioned));
  }

  /** Deletes the version `etag` names (412 when it is no longer the current one). */
  delete(id: number, etag: string): Observable<void> {
    return this.http.delete<void>(apiPaths.article(id), {
      headers: new HttpHeaders({ 'If-Match': etag }),
    });
  }

  /** The HTML publishing `content` would store, rendered and sanitized by the API. */
  preview(content: string): Observable<string> {
    return this.http
      .post<Preview>(apiPaths.articlePreview, { content })
      .pipe(map((response) => response.contentHtml));
  }
}

function versioned(response: HttpResponse<Article>): VersionedArticle {
  const etag = response.headers.get('ETag');
  if (response.body === null || etag === null) {
    throw new Error('The API answered an article without its body or ETag.');
  }
  return { article: response.body, etag };
}
