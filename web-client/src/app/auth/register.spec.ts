import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { problem, query, submit, type } from '../shared/testing';
import { Register } from './register';
import { Session } from './session';

describe('Register', () => {
  let fixture: ComponentFixture<Register>;
  let http: HttpTestingController;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [Register],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(Register);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function fill(
    values: Partial<Record<'username' | 'email' | 'repeatEmail' | 'password', string>>,
  ) {
    const all = {
      username: 'alice',
      email: 'alice@example.com',
      repeatEmail: 'alice@example.com',
      password: 'correct horse',
      ...values,
    };
    for (const [field, value] of Object.entries(all)) {
      await type(fixture, `#${field}`, value);
    }
  }

  function errorOf(field: string): string | null {
    const input = query(fixture, `#${field}`);
    if (input.getAttribute('aria-invalid') !== 'true') {
      return null;
    }
    expect(input.getAttribute('aria-describedby')).toContain(`${field}-error`);
    return query(fixture, `#${field}-error`).textContent?.trim() ?? null;
  }

  it('labels every field', () => {
    for (const [id, label] of [
      ['username', 'Username'],
      ['email', 'Email'],
      ['repeatEmail', 'Repeat email'],
      ['password', 'Password'],
    ]) {
      expect(query(fixture, `label[for=${id}]`).textContent?.trim()).toBe(label);
    }
    expect(query(fixture, 'button[type=submit]').textContent).toContain('Create account');
  });

  it.each([
    ['ab', 'The username must be 3 to 32 characters.'],
    ['a'.repeat(33), 'The username must be 3 to 32 characters.'],
    [
      '-alice',
      "The username may contain letters, digits, '.', '_' and '-', and must start and end with a letter or digit.",
    ],
    [
      'alice.',
      "The username may contain letters, digits, '.', '_' and '-', and must start and end with a letter or digit.",
    ],
    [
      'al@ce',
      "The username may contain letters, digits, '.', '_' and '-', and must start and end with a letter or digit.",
    ],
  ])('refuses the username %s', async (username, message) => {
    await fill({ username });
    expect(errorOf('username')).toBe(message);
  });

  it('accepts usernames with dots, dashes and underscores inside', async () => {
    await fill({ username: 'a.l_i-ce9' });
    expect(errorOf('username')).toBeNull();
  });

  it('checks the email address and its repetition', async () => {
    await fill({ email: 'not-an-address', repeatEmail: 'alice@example.com' });
    expect(errorOf('email')).toBe('Enter a valid email address.');
    expect(errorOf('repeatEmail')).toBe('The email addresses do not match.');

    await type(fixture, '#email', `${'a'.repeat(95)}@x.com`);
    expect(errorOf('email')).toBe('The email address must be at most 100 characters.');

    await type(fixture, '#email', 'alice@example.com');
    expect(errorOf('email')).toBeNull();
    expect(errorOf('repeatEmail')).toBeNull();
  });

  it('checks the password length and that it differs from username and email', async () => {
    await fill({ password: 'short' });
    expect(errorOf('password')).toBe('The password must be 8 to 128 characters.');
    await type(fixture, '#password', 'x'.repeat(129));
    expect(errorOf('password')).toBe('The password must be 8 to 128 characters.');
    await type(fixture, '#password', 'ALICE@example.com');
    expect(errorOf('password')).toBe('The password must not be the same as the email address.');
    await fill({ username: 'alice-long', password: 'Alice-Long' });
    expect(errorOf('password')).toBe('The password must not be the same as the username.');
  });

  it('sends nothing while a rule is broken', async () => {
    await fill({ repeatEmail: 'other@example.com' });
    await submit(fixture);
    http.expectNone('/api/v1/register');
  });

  it('registers, signs in and opens the article list', async () => {
    await fill({});
    await submit(fixture);
    const request = http.expectOne('/api/v1/register');
    expect(request.request.body).toEqual({
      username: 'alice',
      email: 'alice@example.com',
      password: 'correct horse',
    });
    request.flush(
      { id: 1, username: 'alice', email: 'alice@example.com', roles: ['author'] },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(TestBed.inject(Session).signedIn()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/articles');
  });

  it('puts the API field errors beside their fields', async () => {
    await fill({});
    await submit(fixture);
    http.expectOne('/api/v1/register').flush(
      problem(409, 'Conflict', {
        errors: {
          username: ['The username is already taken.'],
          email: ['The email address is already registered.'],
        },
      }),
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(errorOf('username')).toBe('The username is already taken.');
    expect(errorOf('email')).toBe('The email address is already registered.');
    expect(navigateByUrl).not.toHaveBeenCalled();

    await type(fixture, '#username', 'alice2');
    expect(errorOf('username')).toBeNull();
  });

  it('shows a refused common password beside the password', async () => {
    await fill({ password: 'password1' });
    await submit(fixture);
    http.expectOne('/api/v1/register').flush(
      problem(400, 'One or more validation errors occurred.', {
        errors: { password: ['This password is too common. Choose another.'] },
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorOf('password')).toBe('This password is too common. Choose another.');
    expect(query(fixture, '#password').getAttribute('aria-describedby')).toBe(
      'password-help password-error',
    );
  });

  it('leaves a password retyped while the request was in flight unmarked, and sends it', async () => {
    await fill({ password: 'password1' });
    await submit(fixture);
    const first = http.expectOne('/api/v1/register');
    await type(fixture, '#password', 'a much better phrase');
    first.flush(
      problem(400, 'One or more validation errors occurred.', {
        errors: { password: ['This password is too common. Choose another.'] },
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorOf('password')).toBeNull();

    await submit(fixture);
    expect(http.expectOne('/api/v1/register').request.body).toEqual({
      username: 'alice',
      email: 'alice@example.com',
      password: 'a much better phrase',
    });
  });
});
