import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { problem, query, submit, text, type } from '../shared/testing';
import { Login } from './login';
import { Session } from './session';

describe('Login', () => {
  let fixture: ComponentFixture<Login>;
  let http: HttpTestingController;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [Login],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(Login);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function signIn(usernameOrEmail = 'alice', password = 'wrong-password') {
    await type(fixture, '#usernameOrEmail', usernameOrEmail);
    await type(fixture, '#password', password);
    await submit(fixture);
  }

  async function answer(status: number, body: object | null, headers: Record<string, string> = {}) {
    http.expectOne('/api/v1/login').flush(body, { status, statusText: 'Error', headers });
    await fixture.whenStable();
  }

  it('labels its fields and offers registration', () => {
    expect(query(fixture, 'label[for=usernameOrEmail]').textContent).toContain('Username or email');
    expect(query(fixture, 'label[for=password]').textContent).toContain('Password');
    expect(query(fixture, 'button[type=submit]').textContent).toContain('Sign in');
    expect(query(fixture, 'a[href="/register"]')).toBeTruthy();
  });

  it('asks for both fields before sending anything, tying each message to its field', async () => {
    await submit(fixture);
    http.expectNone('/api/v1/login');
    const field = query(fixture, '#usernameOrEmail');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('usernameOrEmail-error');
    expect(query(fixture, '#usernameOrEmail-error').textContent).toContain(
      'Enter your username or email.',
    );
    expect(query(fixture, '#password-error').textContent).toContain('Enter your password.');
  });

  it('signs in and goes back where the user was going', async () => {
    fixture.componentRef.setInput('returnUrl', '/articles/7');
    await signIn('Alice@Example.com', 'right-password');
    const request = http.expectOne('/api/v1/login');
    expect(request.request.body).toEqual({
      usernameOrEmail: 'Alice@Example.com',
      password: 'right-password',
    });
    request.flush({ id: 1, username: 'alice', email: 'alice@example.com', roles: ['author'] });
    await fixture.whenStable();
    expect(TestBed.inject(Session).user()?.username).toBe('alice');
    expect(navigateByUrl).toHaveBeenCalledWith('/articles/7');
  });

  it('shows the API message for wrong credentials', async () => {
    await signIn();
    await answer(401, problem(401, 'Unauthorized', { detail: 'Wrong username or password.' }));
    expect(query(fixture, '[role=alert]').textContent).toContain('Wrong username or password.');
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(query<HTMLButtonElement>(fixture, 'button[type=submit]').disabled).toBe(false);
  });

  it('says a disabled account is disabled', async () => {
    await signIn();
    await answer(403, problem(403, 'Forbidden', { detail: 'Account is disabled.' }));
    expect(query(fixture, '[role=alert]').textContent).toContain('Account is disabled.');
  });

  it('asks to try again later when locked out or rate limited', async () => {
    await signIn();
    await answer(429, problem(429, 'Too Many Requests'), { 'Retry-After': '300' });
    expect(query(fixture, '[role=alert]').textContent).toContain(
      'Please try again later (in about 5 minutes).',
    );
  });

  it('shows that the session ended', async () => {
    TestBed.inject(Session).end();
    await fixture.whenStable();
    expect(text(fixture)).toContain('Your session has ended. Please sign in again.');
  });

  it('disables the button while signing in', async () => {
    await signIn();
    const button = query<HTMLButtonElement>(fixture, 'button[type=submit]');
    expect(button.disabled).toBe(true);
    expect(button.textContent).toContain('Signing in');
    await answer(0, null);
    expect(query(fixture, '[role=alert]').textContent).toContain('Cannot reach the server');
  });
});
