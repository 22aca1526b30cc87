import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { Session } from '../auth/session';
import { problem, query, submit, text, type } from '../shared/testing';
import { DeleteAccount } from './delete-account';

describe('DeleteAccount', () => {
  let fixture: ComponentFixture<DeleteAccount>;
  let http: HttpTestingController;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [DeleteAccount],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(DeleteAccount);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function confirm(): Promise<void> {
    const box = query<HTMLInputElement>(fixture, '#confirmed');
    box.click();
    await fixture.whenStable();
  }

  it('asks for the password and a confirmation before sending anything', async () => {
    await submit(fixture);
    expect(text(fixture)).toContain('Enter your password.');
    expect(text(fixture)).toContain('Confirm that you want to delete your account.');
    http.expectNone('/api/v1/users/current');
  });

  it('shows a wrong password beside its field', async () => {
    await type(fixture, '#deletePassword', 'not my password');
    await confirm();
    await submit(fixture);
    http.expectOne({ method: 'DELETE', url: '/api/v1/users/current' }).flush(
      problem(400, 'One or more validation errors occurred.', {
        errors: { password: ['The password is wrong.'] },
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(query(fixture, '#deletePassword').getAttribute('aria-invalid')).toBe('true');
    expect(text(fixture)).toContain('The password is wrong.');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('deletes the account, forgets the user and goes to registration', async () => {
    const signedOut = vi.spyOn(TestBed.inject(Session), 'signedOut');
    await type(fixture, '#deletePassword', 'my passphrase');
    await confirm();
    await submit(fixture);
    const request = http.expectOne({ method: 'DELETE', url: '/api/v1/users/current' });
    expect(request.request.body).toEqual({ password: 'my passphrase' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(signedOut).toHaveBeenCalled();
    expect(navigateByUrl).toHaveBeenCalledWith('/register');
  });
});
