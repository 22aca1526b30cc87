import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { problem } from '../shared/testing';
import { Session } from './session';
import { User } from './user';

const alice: User = { id: 1, username: 'alice', email: 'alice@example.com', roles: ['author'] };

describe('Session', () => {
  let session: Session;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    session = TestBed.inject(Session);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('knows the signed-in user from users/current', () => {
    let result: User | null | undefined;
    session.refresh().subscribe((user) => (result = user));
    const request = http.expectOne('/api/v1/users/current');
    expect(request.request.method).toBe('GET');
    request.flush(alice);
    expect(result).toEqual(alice);
    expect(session.user()).toEqual(alice);
    expect(session.signedIn()).toBe(true);
  });

  it('treats 401 from users/current as signed out, not as an error', () => {
    let result: User | null | undefined;
    session.refresh().subscribe((user) => (result = user));
    http
      .expectOne('/api/v1/users/current')
      .flush(problem(401, 'Unauthorized'), { status: 401, statusText: 'Unauthorized' });
    expect(result).toBeNull();
    expect(session.signedIn()).toBe(false);
  });

  it('passes other users/current failures on', () => {
    let failed = false;
    session.refresh().subscribe({ error: () => (failed = true) });
    http
      .expectOne('/api/v1/users/current')
      .flush(problem(500, 'Error'), { status: 500, statusText: 'Server Error' });
    expect(failed).toBe(true);
  });

  it('signs in with username or email and forgets an ended session', () => {
    session.end();
    expect(session.ended()).toBe(true);
    session
      .login({ usernameOrEmail: 'Alice@Example.com', password: 'secret-password' })
      .subscribe();
    const request = http.expectOne('/api/v1/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      usernameOrEmail: 'Alice@Example.com',
      password: 'secret-password',
    });
    request.flush(alice);
    expect(session.user()).toEqual(alice);
    expect(session.ended()).toBe(false);
  });

  it('registers and is signed in afterwards', () => {
    session
      .register({ username: 'alice', email: 'alice@example.com', password: 'secret-password' })
      .subscribe();
    const request = http.expectOne('/api/v1/register');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      username: 'alice',
      email: 'alice@example.com',
      password: 'secret-password',
    });
    request.flush(alice, { status: 201, statusText: 'Created' });
    expect(session.user()).toEqual(alice);
  });

  it('logs out with an empty JSON object and forgets the user', () => {
    session.login({ usernameOrEmail: 'alice', password: 'secret-password' }).subscribe();
    http.expectOne('/api/v1/login').flush(alice);
    let done = false;
    session.logout().subscribe(() => (done = true));
    const request = http.expectOne('/api/v1/logout');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({});
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);
    expect(session.user()).toBeNull();
  });

  it('keeps the user when logging out fails', () => {
    session.login({ usernameOrEmail: 'alice', password: 'secret-password' }).subscribe();
    http.expectOne('/api/v1/login').flush(alice);
    session.logout().subscribe({ error: () => undefined });
    http.expectOne('/api/v1/logout').flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(session.user()).toEqual(alice);
  });

  it('ends the session when the server says so', () => {
    session.login({ usernameOrEmail: 'alice', password: 'secret-password' }).subscribe();
    http.expectOne('/api/v1/login').flush(alice);
    session.end();
    expect(session.user()).toBeNull();
    expect(session.ended()).toBe(true);
  });
});
