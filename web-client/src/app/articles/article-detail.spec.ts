import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

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

  const stored = {
    id: 7,
    title: '<b>Bold?</b>',
    content: 'First *line*',
    contentHtml:
      '<p>First <em>line</em></p>\n<p><a href="https://blog.example" rel="nofollow noopener noreferrer">link</a><img src="x" onerror="alert(1)"></p>',
    createdAt: '2026-11-26T22:44:10Z',
    updatedAt: '2026-11-27T08:00:00Z',
    author: { id: 1, username: 'alice' },
  };

  async function openStored() {
    await open('7');
    expect(text(fixture)).toContain('Loading article');
    http.expectOne('/api/v1/articles/7').flush(stored, { headers: { ETag: '"3"' } });
    await fixture.whenStable();
  }

  it('shows the title as text and the API’s HTML through Angular’s sanitizer', async () => {
    await openStored();
    expect(query(fixture, 'h1').textContent).toBe('<b>Bold?</b>');
    const content = query(fixture, '.article-html');
    expect(content.querySelector('em')?.textContent).toBe('line');
    expect(content.querySelector('a')?.getAttribute('rel')).toBe('nofollow noopener noreferrer');
    expect(content.querySelector('img')?.getAttribute('onerror')).toBeNull();
    expect(text(fixture)).toContain('edited');
    expect(document.title).toBe('<b>Bold?</b> · Blog');
    expect(query(fixture, 'a.btn-outline-primary').getAttribute('href')).toBe('/articles/7/edit');
  });

  it('deletes the version shown after a confirmation', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await openStored();
    const dialog = query<HTMLDialogElement>(fixture, 'dialog');
    dialog.showModal = vi.fn(() => dialog.setAttribute('open', ''));
    query(fixture, 'button.btn-outline-danger').click();
    await fixture.whenStable();
    expect(dialog.showModal).toHaveBeenCalled();
    expect(dialog.getAttribute('aria-labelledby')).toBe('delete-title');
    query(fixture, 'dialog button.btn-danger').click();
    await fixture.whenStable();
    const request = http.expectOne({ method: 'DELETE', url: '/api/v1/articles/7' });
    expect(request.request.headers.get('If-Match')).toBe('"3"');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/articles']);
  });

  it('does not delete an article changed elsewhere, and offers to reload it', async () => {
    await openStored();
    const dialog = query<HTMLDialogElement>(fixture, 'dialog');
    dialog.showModal = vi.fn();
    dialog.close = vi.fn();
    query(fixture, 'button.btn-outline-danger').click();
    query(fixture, 'dialog button.btn-danger').click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'DELETE', url: '/api/v1/articles/7' })
      .flush(problem(412, 'Precondition Failed'), {
        status: 412,
        statusText: 'Precondition Failed',
      });
    await fixture.whenStable();
    expect(query(fixture, 'dialog [role=alert]').textContent).toContain('changed elsewhere');
    query(fixture, 'dialog [role=alert] button').click();
    await fixture.whenStable();
    http.expectOne('/api/v1/articles/7').flush(stored, { headers: { ETag: '"4"' } });
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
