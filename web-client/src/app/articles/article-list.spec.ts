import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { problem, query, text } from '../shared/testing';
import { Article } from './article';
import { ArticleList } from './article-list';

function article(id: number, content = `Content of article ${id}`): Article {
  return {
    id,
    title: `Article ${id}`,
    content,
    contentHtml: `<p>${content}</p>\n`,
    createdAt: '2026-11-26T22:44:10Z',
    updatedAt: null,
    author: { id: 1, username: 'alice' },
  };
}

describe('ArticleList', () => {
  let fixture: ComponentFixture<ArticleList>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ArticleList],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ArticleList);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function page(url: string, items: Article[], nextCursor: string | null) {
    http.expectOne(url).flush({ items, nextCursor });
    await fixture.whenStable();
  }

  function titles(): string[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li h2')).map((h) =>
      h.textContent!.trim(),
    );
  }

  it('shows a loading state, then the articles with a link, a date and the start of the content', async () => {
    expect(text(fixture)).toContain('Loading articles');
    await page(
      '/api/v1/articles?limit=20',
      [article(2, 'x'.repeat(300)), article(1, 'Line one\nline two')],
      null,
    );
    expect(titles()).toEqual(['Article 2', 'Article 1']);
    expect(query(fixture, 'li a').getAttribute('href')).toBe('/articles/2');
    expect(query(fixture, 'li time').getAttribute('datetime')).toBe('2026-11-26T22:44:10Z');
    expect(text(fixture)).toContain(`${'x'.repeat(200)}…`);
    expect(text(fixture)).not.toContain('x'.repeat(201));
    expect(text(fixture)).toContain('Line one line two');
    expect(text(fixture)).not.toContain('Load more');
  });

  it('loads more while there is a next cursor', async () => {
    await page('/api/v1/articles?limit=20', [article(3), article(2)], '2');
    const more = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (b) => b.textContent!.includes('Load more'),
    )!;
    more.click();
    await fixture.whenStable();
    await page('/api/v1/articles?limit=20&cursor=2', [article(1)], null);
    expect(titles()).toEqual(['Article 3', 'Article 2', 'Article 1']);
    expect(text(fixture)).not.toContain('Load more');
  });

  it('invites writing the first article when there is none', async () => {
    await page('/api/v1/articles?limit=20', [], null);
    expect(text(fixture)).toContain('No articles yet');
    expect(query(fixture, 'a[href="/articles/new"]').textContent).toContain(
      'Write your first article',
    );
  });

  it('shows a failure and tries again on request', async () => {
    http
      .expectOne('/api/v1/articles?limit=20')
      .flush(problem(500, 'Error'), { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(query(fixture, '[role=alert]').textContent).toContain(
      'Something went wrong on the server',
    );
    query(fixture, '[role=alert] button').click();
    await fixture.whenStable();
    await page('/api/v1/articles?limit=20', [article(1)], null);
    expect(titles()).toEqual(['Article 1']);
  });
});
