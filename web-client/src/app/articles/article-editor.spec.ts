import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { problem, query, submit, type } from '../shared/testing';
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
    expect(input.getAttribute('aria-describedby')).toBe(`${field}-count ${field}-error`);
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
});
