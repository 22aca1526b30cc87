import {
  HttpClient,
  HttpXsrfTokenExtractor,
  provideHttpClient,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { PlatformLocation } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { problem } from '../shared/testing';
import { csrfRetryInterceptor, sessionEndedInterceptor } from './interceptors';
import { Session } from './session';
import { User } from './user';

const alice: User = { id: 1, username: 'alice', email: 'alice@example.com', roles: ['author'] };
const csrfRefusal = problem(400, 'Invalid or missing CSRF token.', {
  type: 'https://blog.example/problems/csrf',
});
const otherOrigins = [
  'https://elsewhere.example/api/v1/articles',
  '//elsewhere.example/api/v1/articles',
];

describe('interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: Session;
  let navigate: ReturnType<typeof vi.spyOn>;
  let token: string;

  beforeEach(() => {
    token = 'token-1';
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(
          withInterceptors([sessionEndedInterceptor, csrfRetryInterceptor]),
          withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
        ),
        provideHttpClientTesting(),
        { provide: HttpXsrfTokenExtractor, useValue: { getToken: () => token } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    session.login({ usernameOrEmail: 'alice', password: 'secret-password' }).subscribe();
    backend.expectOne('/api/v1/login').flush(alice);
  });

  afterEach(() => backend.verify());

  describe('session ended', () => {
    it('forgets the user and asks to sign in again when a request answers 401', () => {
      let status = 0;
      http.get('/api/v1/articles').subscribe({ error: (error) => (status = error.status) });
      backend
        .expectOne('/api/v1/articles')
        .flush(problem(401, 'Unauthorized'), { status: 401, statusText: 'Unauthorized' });

      expect(status).toBe(401);
      expect(session.user()).toBeNull();
      expect(session.ended()).toBe(true);
      expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/' } });
    });

    it.each([
      ['GET', '/api/v1/users/current'],
      ['POST', '/api/v1/login'],
    ])('leaves a 401 from %s %s to its caller', (method, url) => {
      http.request(method, url, { body: {} }).subscribe({ error: () => undefined });
      backend
        .expectOne(url)
        .flush(problem(401, 'Unauthorized'), { status: 401, statusText: 'Unauthorized' });

      expect(session.ended()).toBe(false);
      expect(navigate).not.toHaveBeenCalled();
    });

    it.each(otherOrigins)('leaves a 401 from another origin (%s) to its caller', (url) => {
      http.get(url).subscribe({ error: () => undefined });
      backend
        .expectOne(url)
        .flush(problem(401, 'Unauthorized'), { status: 401, statusText: 'Unauthorized' });

      expect(session.user()).toEqual(alice);
      expect(navigate).not.toHaveBeenCalled();
    });

    it('ignores other errors', () => {
      http.get('/api/v1/articles/9').subscribe({ error: () => undefined });
      backend
        .expectOne('/api/v1/articles/9')
        .flush(problem(404, 'Not Found'), { status: 404, statusText: 'Not Found' });

      expect(session.user()).toEqual(alice);
      expect(navigate).not.toHaveBeenCalled();
    });
  });

  describe('CSRF refusal', () => {
    it('refreshes the token and retries the request once with the new token', () => {
      let created: unknown;
      http
        .post('/api/v1/articles', { title: 'T', content: 'Some content' })
        .subscribe((body) => (created = body));

      const first = backend.expectOne('/api/v1/articles');
      expect(first.request.headers.get('X-XSRF-TOKEN')).toBe('token-1');
      first.flush(csrfRefusal, { status: 400, statusText: 'Bad Request' });

      token = 'token-2';
      backend.expectOne({ method: 'GET', url: '/api/v1/users/current' }).flush(alice);

      const retry = backend.expectOne('/api/v1/articles');
      expect(retry.request.method).toBe('POST');
      expect(retry.request.body).toEqual({ title: 'T', content: 'Some content' });
      expect(retry.request.headers.get('X-XSRF-TOKEN')).toBe('token-2');
      retry.flush({ id: 7 }, { status: 201, statusText: 'Created' });

      expect(created).toEqual({ id: 7 });
    });

    it('does not retry twice: a second refusal reaches the caller', () => {
      let error: { status: number; error: { title: string } } | undefined;
      http.post('/api/v1/logout', {}).subscribe({ error: (e) => (error = e) });

      backend
        .expectOne('/api/v1/logout')
        .flush(csrfRefusal, { status: 400, statusText: 'Bad Request' });
      backend.expectOne('/api/v1/users/current').flush(alice);
      backend
        .expectOne('/api/v1/logout')
        .flush(csrfRefusal, { status: 400, statusText: 'Bad Request' });
      backend.expectNone('/api/v1/users/current');
      backend.expectNone('/api/v1/logout');

      expect(error?.status).toBe(400);
      expect(error?.error.title).toBe('Invalid or missing CSRF token.');
    });

    it('retries an absolute URL of this origin like a relative one', () => {
      const url = `${new URL(TestBed.inject(PlatformLocation).href).origin}/api/v1/articles`;
      http.post(url, {}).subscribe();

      backend.expectOne(url).flush(csrfRefusal, { status: 400, statusText: 'Bad Request' });
      token = 'token-2';
      backend.expectOne('/api/v1/users/current').flush(alice);
      const retry = backend.expectOne(url);
      expect(retry.request.headers.get('X-XSRF-TOKEN')).toBe('token-2');
      retry.flush({ id: 7 }, { status: 201, statusText: 'Created' });
    });

    it.each(otherOrigins)(
      'neither sends the token to another origin (%s) nor retries there',
      (url) => {
        let status = 0;
        http.post(url, {}).subscribe({ error: (error) => (status = error.status) });

        const request = backend.expectOne(url);
        expect(request.request.headers.has('X-XSRF-TOKEN')).toBe(false);
        request.flush(csrfRefusal, { status: 400, statusText: 'Bad Request' });
        backend.expectNone('/api/v1/users/current');
        backend.expectNone(url);

        expect(status).toBe(400);
      },
    );

    it.each([
      problem(400, 'One or more validation errors occurred.', {
        type: 'https://blog.example/problems/validation',
      }),
      problem(400, 'Invalid or missing CSRF token.'),
    ])('leaves other 400s alone: $type $title', (body) => {
      http.post('/api/v1/articles', {}).subscribe({ error: () => undefined });
      backend.expectOne('/api/v1/articles').flush(body, { status: 400, statusText: 'Bad Request' });
      backend.expectNone('/api/v1/users/current');
    });

    it('still retries when the refresh finds the session gone, and the retry ends the session', () => {
      http.post('/api/v1/articles', {}).subscribe({ error: () => undefined });
      backend
        .expectOne('/api/v1/articles')
        .flush(csrfRefusal, { status: 400, statusText: 'Bad Request' });
      backend
        .expectOne('/api/v1/users/current')
        .flush(problem(401, 'Unauthorized'), { status: 401, statusText: 'Unauthorized' });
      backend
        .expectOne('/api/v1/articles')
        .flush(problem(401, 'Unauthorized'), { status: 401, statusText: 'Unauthorized' });

      expect(session.ended()).toBe(true);
      expect(navigate).toHaveBeenCalledTimes(1);
    });
  });
});
