import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { problem, query, text } from '../shared/testing';
import { ArticleDetail } from './article-detail';

describe('ArticleDetail', () => {
  let fixture: ComponentFixture<ArticleDetail>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ArticleDetail],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ArticleDetail);
  });

  afterEach(() => http.verify());

  async function open(id: string) {
    fixture.componentRef.setInput('id', id);
    await fixture.whenStable();
  }

  it('shows the whole article as text, keeping line breaks', async () => {
    await open('7');
    expect(text(fixture)).toContain('Loading article');
    http.expectOne('/api/v1/articles/7').flush({
      id: 7,
      title: '<b>Bold?</b>',
      content: 'First line\nSecond line <script>alert(1)</script>',
      createdAt: '2026-11-26T22:44:10Z',
      author: { id: 1, username: 'alice' },
    });
    await fixture.whenStable();
    expect(query(fixture, 'h1').textContent).toBe('<b>Bold?</b>');
    const content = query(fixture, '.article-content');
    expect(content.textContent).toBe('First line\nSecond line <script>alert(1)</script>');
    expect(content.querySelector('script')).toBeNull();
    expect(document.title).toBe('<b>Bold?</b> · Blog');
  });

  it('says so when the article is not found', async () => {
    await open('99');
    http
      .expectOne('/api/v1/articles/99')
      .flush(problem(404, 'Not Found'), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text(fixture)).toContain('Article not found');
  });

  it('does not ask for ids that cannot exist', async () => {
    await open('abc');
    http.expectNone(() => true);
    expect(text(fixture)).toContain('Article not found');
  });

  it('offers to try again after a failure', async () => {
    await open('7');
    http.expectOne('/api/v1/articles/7').flush(null, { status: 0, statusText: 'Unknown Error' });
    await fixture.whenStable();
    expect(query(fixture, '[role=alert]').textContent).toContain('Cannot reach the server');
    query(fixture, '[role=alert] button').click();
    await fixture.whenStable();
    http
      .expectOne('/api/v1/articles/7')
      .flush(problem(404, 'Not Found'), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text(fixture)).toContain('Article not found');
  });
});
