import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { problem, query, submit, text, type } from '../shared/testing';
import { ChangePassword } from './change-password';

describe('ChangePassword', () => {
  let fixture: ComponentFixture<ChangePassword>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ChangePassword],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChangePassword);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function errorOf(field: string): string | null {
    const input = query(fixture, `#${field}`);
    return input.getAttribute('aria-invalid') === 'true'
      ? (query(fixture, `#${field}-error`).textContent?.trim() ?? null)
      : null;
  }

  it('labels both fields', () => {
    expect(query(fixture, 'label[for=currentPassword]').textContent?.trim()).toBe(
      'Current password',
    );
    expect(query(fixture, 'label[for=newPassword]').textContent?.trim()).toBe('New password');
  });

  it.each([
    ['short', 'The password must be 8 to 128 characters.'],
    ['the same passphrase', 'The new password must differ from the current one.'],
  ])('refuses the new password %s before sending', async (newPassword, message) => {
    await type(fixture, '#currentPassword', 'the same passphrase');
    await type(fixture, '#newPassword', newPassword);
    await submit(fixture);
    expect(errorOf('newPassword')).toBe(message);
    http.expectNone('/api/v1/users/current/password');
  });

  it('shows a wrong current password beside its field', async () => {
    await type(fixture, '#currentPassword', 'not my password');
    await type(fixture, '#newPassword', 'a new long passphrase');
    await submit(fixture);
    http.expectOne('/api/v1/users/current/password').flush(
      problem(400, 'One or more validation errors occurred.', {
        errors: { currentPassword: ['The current password is wrong.'] },
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorOf('currentPassword')).toBe('The current password is wrong.');
  });

  it('says so when the password changed, and tells the page', async () => {
    let told = false;
    fixture.componentInstance.passwordChanged.subscribe(() => (told = true));
    await type(fixture, '#currentPassword', 'my old passphrase');
    await type(fixture, '#newPassword', 'a new long passphrase');
    await submit(fixture);
    const request = http.expectOne('/api/v1/users/current/password');
    expect(request.request.body).toEqual({
      currentPassword: 'my old passphrase',
      newPassword: 'a new long passphrase',
    });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(text(fixture)).toContain('Your password has been changed.');
    expect(told).toBe(true);
    expect(query<HTMLInputElement>(fixture, '#currentPassword').value).toBe('');
  });

  it('explains a lockout', async () => {
    await type(fixture, '#currentPassword', 'my old passphrase');
    await type(fixture, '#newPassword', 'a new long passphrase');
    await submit(fixture);
    http
      .expectOne('/api/v1/users/current/password')
      .flush(problem(429, 'Too Many Requests'), { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();
    expect(text(fixture)).toContain('Too many attempts. Please try again later.');
  });
});
