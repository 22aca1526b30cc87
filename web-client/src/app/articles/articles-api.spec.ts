import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Article, ArticlePage, VersionedArticle } from './article';
import { ArticlesApi } from './articles-api';

const article: Article = {
  id: 7,
  title: 'Hello',
  content: 'First words.',
  contentHtml: '<p>First words.</p>\n',
  createdAt: '2026-11-26T22:44:10Z',
  updatedAt: null,
  author: { id: 1, username: 'alice' },
};

describe('ArticlesApi', () => {
  let api: ArticlesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(ArticlesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the first page of 20', () => {
    let page: ArticlePage | undefined;
    api.list().subscribe((result) => (page = result));
    const request = http.expectOne((req) => req.url === '/api/v1/articles');
    expect(request.request.method).toBe('GET');
    expect(request.request.urlWithParams).toBe('/api/v1/articles?limit=20');
    request.flush({ items: [article], nextCursor: '7' });
    expect(page).toEqual({ items: [article], nextCursor: '7' });
  });

  it('passes the cursor of the previous page on', () => {
    api.list('7').subscribe();
    const request = http.expectOne((req) => req.url === '/api/v1/articles');
    expect(request.request.urlWithParams).toBe('/api/v1/articles?limit=20&cursor=7');
    request.flush({ items: [], nextCursor: null });
  });

  it('searches with q, keeping limit and cursor', () => {
    api.list('c1', 'café "near"').subscribe();
    const request = http.expectOne((req) => req.url === '/api/v1/articles');
    expect(request.request.params.get('q')).toBe('café "near"');
    expect(request.request.params.get('limit')).toBe('20');
    expect(request.request.params.get('cursor')).toBe('c1');
    request.flush({ items: [], nextCursor: null });
  });

  it('gets one article with the version it was read at', () => {
    let result: VersionedArticle | undefined;
    api.get(7).subscribe((value) => (result = value));
    http
      .expectOne({ method: 'GET', url: '/api/v1/articles/7' })
      .flush(article, { headers: { ETag: '"3"' } });
    expect(result).toEqual({ article, etag: '"3"' });
  });

  it('saves an edit against the version it was made on, and hands back the new one', () => {
    let result: VersionedArticle | undefined;
    api
      .update(7, { title: 'Hello', content: 'Other words.' }, '"3"')
      .subscribe((value) => (result = value));
    const request = http.expectOne({ method: 'PUT', url: '/api/v1/articles/7' });
    expect(request.request.headers.get('If-Match')).toBe('"3"');
    expect(request.request.body).toEqual({ title: 'Hello', content: 'Other words.' });
    request.flush(article, { headers: { ETag: '"4"' } });
    expect(result).toEqual({ article, etag: '"4"' });
  });

  it('deletes the version it was shown', () => {
    let done = false;
    api.delete(7, '"3"').subscribe(() => (done = true));
    const request = http.expectOne({ method: 'DELETE', url: '/api/v1/articles/7' });
    expect(request.request.headers.get('If-Match')).toBe('"3"');
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);
  });

  it('previews content through the API and stores nothing', () => {
    let html: string | undefined;
    api.preview('Some *words*.').subscribe((value) => (html = value));
    const request = http.expectOne({ method: 'POST', url: '/api/v1/articles/preview' });
    expect(request.request.body).toEqual({ content: 'Some *words*.' });
    request.flush({ contentHtml: '<p>Some <em>words</em>.</p>\n' });
    expect(html).toBe('<p>Some <em>words</em>.</p>\n');
  });

  it('creates an article', () => {
    let result: Article | undefined;
    api.create({ title: 'Hello', content: 'First words.' }).subscribe((value) => (result = value));
    const request = http.expectOne({ method: 'POST', url: '/api/v1/articles' });
    expect(request.request.body).toEqual({ title: 'Hello', content: 'First words.' });
    request.flush(article, { status: 201, statusText: 'Created' });
    expect(result).toEqual(article);
  });
});
