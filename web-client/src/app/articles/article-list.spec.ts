import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { problem, query, text } from '../shared/testing';
import { Article } from './article';
import { ArticleList, SEARCH_DEBOUNCE_MS } from './article-list';

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

describe('ArticleList search', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'articles', component: ArticleList }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  function found(id: number, snippet: string): Article {
    return { ...article(id), snippet };
  }

  async function answer(url: string, items: Article[], nextCursor: string | null) {
    http.expectOne(url).flush({ items, nextCursor });
    await harness.fixture.whenStable();
  }

  async function typeSearch(value: string) {
    const box = harness.routeNativeElement!.querySelector<HTMLInputElement>('#article-search')!;
    box.value = value;
    box.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await harness.fixture.whenStable();
  }

  function page(): HTMLElement {
    return harness.routeNativeElement!;
  }

  it('searches after a pause in typing, keeps q in the URL and highlights the matches', async () => {
    await harness.navigateByUrl('/articles', ArticleList);
    await answer('/api/v1/articles?limit=20', [article(1)], null);
    expect(page().querySelector('label[for=article-search]')!.textContent).toContain(
      'Search your articles',
    );

    const box = page().querySelector<HTMLInputElement>('#article-search')!;
    box.value = 'ca';
    box.dispatchEvent(new Event('input'));
    await typeSearch('café');

    expect(TestBed.inject(Router).url).toBe('/articles?q=caf%C3%A9');
    expect(page().textContent).toContain('Searching');
    await answer(
      '/api/v1/articles?q=caf%C3%A9&limit=20',
      [found(1, 'At the <mark>café</mark> &lt;script&gt;x&lt;/script&gt;')],
      null,
    );

    const snippet = page().querySelector('.article-snippet')!;
    expect(snippet.querySelector('mark')!.textContent).toBe('café');
    expect(snippet.querySelector('script')).toBeNull();
    expect(snippet.textContent).toBe('At the café <script>x</script>');
  });

  it('reads the search from the URL, so reload and back work', async () => {
    await harness.navigateByUrl('/articles?q=kite', ArticleList);
    await answer('/api/v1/articles?q=kite&limit=20', [found(2, '<mark>kite</mark>')], null);
    expect(page().querySelector<HTMLInputElement>('#article-search')!.value).toBe('kite');

    await harness.navigateByUrl('/articles');
    await answer('/api/v1/articles?limit=20', [article(2), article(1)], null);
    expect(page().querySelector<HTMLInputElement>('#article-search')!.value).toBe('');
    expect(page().querySelectorAll('li').length).toBe(2);
  });

  it('says when nothing matches, and keeps the search box', async () => {
    await harness.navigateByUrl('/articles?q=nothing', ArticleList);
    await answer('/api/v1/articles?q=nothing&limit=20', [], null);
    expect(page().textContent).toContain('No articles match “nothing”.');
    expect(page().textContent).not.toContain('No articles yet');
    expect(page().querySelector('#article-search')).not.toBeNull();
  });

  it('loads more results with the search and its cursor', async () => {
    await harness.navigateByUrl('/articles?q=kite', ArticleList);
    await answer('/api/v1/articles?q=kite&limit=20', [found(3, '<mark>kite</mark>')], 'c1');
    Array.from(page().querySelectorAll('button'))
      .find((b) => b.textContent!.includes('Load more'))!
      .click();
    await harness.fixture.whenStable();
    await answer(
      '/api/v1/articles?q=kite&limit=20&cursor=c1',
      [found(1, '<mark>kite</mark>')],
      null,
    );
    expect(page().querySelectorAll('li').length).toBe(2);
  });

  it('shows a failed search and tries it again', async () => {
    await harness.navigateByUrl('/articles?q=kite', ArticleList);
    http
      .expectOne('/api/v1/articles?q=kite&limit=20')
      .flush(problem(500, 'Error'), { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();
    expect(page().querySelector('[role=alert]')!.textContent).toContain('Something went wrong');
    page().querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await harness.fixture.whenStable();
    await answer('/api/v1/articles?q=kite&limit=20', [found(1, '<mark>kite</mark>')], null);
    expect(page().querySelectorAll('li').length).toBe(1);
  });

  it('clearing the box lists every article again', async () => {
    await harness.navigateByUrl('/articles?q=kite', ArticleList);
    await answer('/api/v1/articles?q=kite&limit=20', [found(1, '<mark>kite</mark>')], null);
    await typeSearch('  ');
    expect(TestBed.inject(Router).url).toBe('/articles');
    await answer('/api/v1/articles?limit=20', [article(2), article(1)], null);
    expect(page().querySelectorAll('li').length).toBe(2);
  });
});
