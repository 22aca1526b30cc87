import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { problem, query, submit, text, type } from '../shared/testing';
import { ArticleEditor } from './article-editor';

describe('ArticleEditor', () => {
  let fixture: ComponentFixture<ArticleEditor>;
  let http: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ArticleEditor],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ArticleEditor);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function errorOf(field: string): string | null {
    const input = query(fixture, `#${field}`);
    if (input.getAttribute('aria-invalid') !== 'true') {
      return null;
    }
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(`${field}-error`);
    return query(fixture, `#${field}-error`).textContent?.trim() ?? null;
  }

  it('counts characters against the limits as the user types', async () => {
    expect(query(fixture, '#title-count').textContent?.trim()).toBe('0 / 120');
    expect(query(fixture, '#content-count').textContent?.trim()).toBe('0 / 10000');
    await type(fixture, '#title', '  Hello  ');
    await type(fixture, '#content', 'x'.repeat(42));
    expect(query(fixture, '#title-count').textContent?.trim()).toBe('5 / 120');
    expect(query(fixture, '#content-count').textContent?.trim()).toBe('42 / 10000');
  });

  it('refuses a blank title and white-space content', async () => {
    await type(fixture, '#title', '   ');
    await type(fixture, '#content', ' \n '.repeat(10));
    expect(errorOf('title')).toBe('Enter a title.');
    expect(errorOf('content')).toBe('Write some content.');
  });

  it('refuses a title over 120 and content outside 10 to 10000 characters', async () => {
    await type(fixture, '#title', 'x'.repeat(121));
    await type(fixture, '#content', 'too short');
    expect(errorOf('title')).toBe('The title must be at most 120 characters.');
    expect(errorOf('content')).toBe('The content must be at least 10 characters.');
    await type(fixture, '#content', 'x'.repeat(10_001));
    expect(errorOf('content')).toBe('The content must be at most 10000 characters.');
    await type(fixture, '#title', ` ${'x'.repeat(120)} `);
    expect(errorOf('title')).toBeNull();
    await submit(fixture);
    http.expectNone('/api/v1/articles');
  });

  it('publishes and opens the new article', async () => {
    await type(fixture, '#title', ' My first article ');
    await type(fixture, '#content', 'Line one\nLine two');
    await submit(fixture);
    expect(query(fixture, 'button[type=submit]').textContent).toContain('Publishing');
    const request = http.expectOne({ method: 'POST', url: '/api/v1/articles' });
    expect(request.request.body).toEqual({
      title: 'My first article',
      content: 'Line one\nLine two',
    });
    request.flush(
      {
        id: 42,
        title: 'My first article',
        content: 'Line one\nLine two',
        createdAt: '2026-11-26T22:44:10Z',
        author: { id: 1, username: 'alice' },
      },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/articles', 42]);
  });

  it('puts the API field errors beside their fields', async () => {
    await type(fixture, '#title', 'Title');
    await type(fixture, '#content', 'Enough content here');
    await submit(fixture);
    http.expectOne('/api/v1/articles').flush(
      problem(400, 'One or more validation errors occurred.', {
        errors: { title: ['The title is not allowed.'] },
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorOf('title')).toBe('The title is not allowed.');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('explains other failures', async () => {
    await type(fixture, '#title', 'Title');
    await type(fixture, '#content', 'Enough content here');
    await submit(fixture);
    http
      .expectOne('/api/v1/articles')
      .flush(problem(403, 'Forbidden'), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(query(fixture, '[role=alert]').textContent).toContain(
      'Your account may not publish articles.',
    );
  });

  it('previews the content with the API renderer in the Preview tab', async () => {
    await type(fixture, '#content', 'Some **bold** words');
    query(fixture, '#preview-tab').click();
    await fixture.whenStable();
    expect(query(fixture, '#preview-tab').getAttribute('aria-selected')).toBe('true');
    expect(query(fixture, '#write-panel').hidden).toBe(true);
    expect(text(fixture)).toContain('Rendering preview');
    const request = http.expectOne({ method: 'POST', url: '/api/v1/articles/preview' });
    expect(request.request.body).toEqual({ content: 'Some **bold** words' });
    request.flush({
      contentHtml: '<p>Some <strong>bold</strong> words<img src="x" onerror="alert(1)"></p>',
    });
    await fixture.whenStable();
    const preview = query(fixture, '#preview-panel .article-html');
    expect(preview.querySelector('strong')?.textContent).toBe('bold');
    // Angular's own sanitizer runs on the API's HTML as well.
    expect(preview.querySelector('img')?.getAttribute('onerror')).toBeNull();
    query(fixture, '#write-tab').click();
    await fixture.whenStable();
    expect(query(fixture, '#write-panel').hidden).toBe(false);
  });

  it('says why a preview cannot be shown', async () => {
    await type(fixture, '#content', 'short');
    query(fixture, '#preview-tab').click();
    await fixture.whenStable();
    http.expectOne('/api/v1/articles/preview').flush(
      problem(400, 'One or more validation errors occurred.', {
        errors: { content: ['The content must be 10 to 10000 characters.'] },
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(query(fixture, '#preview-panel [role=alert]').textContent).toContain(
      'The content must be 10 to 10000 characters.',
    );
  });
});

describe('ArticleEditor, editing', () => {
  let fixture: ComponentFixture<ArticleEditor>;
  let http: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;

  const stored = {
    id: 7,
    title: 'Stored title',
    content: 'Stored content.',
    contentHtml: '<p>Stored content.</p>\n',
    createdAt: '2026-11-26T22:44:10Z',
    updatedAt: null,
    author: { id: 1, username: 'alice' },
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ArticleEditor],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ArticleEditor);
    fixture.componentRef.setInput('id', '7');
    await fixture.whenStable();
    expect(text(fixture)).toContain('Loading article');
    http
      .expectOne({ method: 'GET', url: '/api/v1/articles/7' })
      .flush(stored, { headers: { ETag: '"3"' } });
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('loads the article and saves against the version it loaded', async () => {
    expect(query(fixture, 'h1').textContent).toBe('Edit article');
    expect(query<HTMLInputElement>(fixture, '#title').value).toBe('Stored title');
    expect(query<HTMLTextAreaElement>(fixture, '#content').value).toBe('Stored content.');
    await type(fixture, '#title', ' New title ');
    await submit(fixture);
    const request = http.expectOne({ method: 'PUT', url: '/api/v1/articles/7' });
    expect(request.request.headers.get('If-Match')).toBe('"3"');
    expect(request.request.body).toEqual({ title: 'New title', content: 'Stored content.' });
    request.flush({ ...stored, title: 'New title' }, { headers: { ETag: '"4"' } });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/articles', 7]);
  });

  it('keeps the author’s text when the article was changed elsewhere, and loads the latest on request', async () => {
    await type(fixture, '#content', 'My careful rewrite.');
    await submit(fixture);
    http
      .expectOne({ method: 'PUT', url: '/api/v1/articles/7' })
      .flush(problem(412, 'Precondition Failed'), {
        status: 412,
        statusText: 'Precondition Failed',
        headers: { ETag: '"4"' },
      });
    await fixture.whenStable();
    expect(text(fixture)).toContain('This article was changed elsewhere');
    expect(query<HTMLTextAreaElement>(fixture, '#content').value).toBe('My careful rewrite.');
    expect(query<HTMLTextAreaElement>(fixture, '#kept-text').value).toBe(
      'Stored title\n\nMy careful rewrite.',
    );
    expect(navigate).not.toHaveBeenCalled();

    query(fixture, 'button.btn-warning').click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'GET', url: '/api/v1/articles/7' })
      .flush({ ...stored, content: 'Their change.' }, { headers: { ETag: '"4"' } });
    await fixture.whenStable();
    expect(query<HTMLTextAreaElement>(fixture, '#content').value).toBe('Their change.');
    expect(query<HTMLTextAreaElement>(fixture, '#kept-text').value).toBe(
      'Stored title\n\nMy careful rewrite.',
    );
    expect(text(fixture)).toContain('The form now shows the latest version');

    await submit(fixture);
    const retry = http.expectOne({ method: 'PUT', url: '/api/v1/articles/7' });
    expect(retry.request.headers.get('If-Match')).toBe('"4"');
    retry.flush({ ...stored, content: 'Their change.' }, { headers: { ETag: '"5"' } });
  });

  it('copies the author’s text to the clipboard', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await type(fixture, '#content', 'My careful rewrite.');
    await submit(fixture);
    http
      .expectOne({ method: 'PUT', url: '/api/v1/articles/7' })
      .flush(problem(412, 'Precondition Failed'), {
        status: 412,
        statusText: 'Precondition Failed',
      });
    await fixture.whenStable();
    query(fixture, 'section[role=alert] button').click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith('Stored title\n\nMy careful rewrite.');
    expect(text(fixture)).toContain('Copied.');
  });

  it('says so when the article was deleted elsewhere, keeping the text', async () => {
    await type(fixture, '#content', 'My careful rewrite.');
    await submit(fixture);
    http
      .expectOne({ method: 'PUT', url: '/api/v1/articles/7' })
      .flush(problem(404, 'Not Found'), { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text(fixture)).toContain('This article was deleted elsewhere');
    expect(query<HTMLTextAreaElement>(fixture, '#content').value).toBe('My careful rewrite.');
  });
});
