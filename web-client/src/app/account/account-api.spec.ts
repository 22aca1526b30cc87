import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { AccountApi, SessionInfo } from './account-api';

const session: SessionInfo = {
  id: 'a1b2',
  createdAt: '2026-11-26T22:44:10Z',
  lastSeenAt: '2026-11-26T23:44:10Z',
  device: 'Firefox on Windows',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/133.0',
  ipAddress: '203.0.113.x',
  current: true,
};

describe('AccountApi', () => {
  let api: AccountApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(AccountApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('changes the password', () => {
    api.changePassword({ currentPassword: 'old one', newPassword: 'new one!' }).subscribe();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/users/current/password' });
    expect(request.request.body).toEqual({ currentPassword: 'old one', newPassword: 'new one!' });
    request.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('lists the sessions', () => {
    let result: SessionInfo[] | undefined;
    api.sessions().subscribe((list) => (result = list));
    http.expectOne({ method: 'GET', url: '/api/v1/users/current/sessions' }).flush([session]);
    expect(result).toEqual([session]);
  });

  it('ends one session by its id, escaped, and all the others', () => {
    api.endSession('a/b').subscribe();
    http
      .expectOne({ method: 'DELETE', url: '/api/v1/users/current/sessions/a%2Fb' })
      .flush(null, { status: 204, statusText: 'No Content' });
    api.endOtherSessions().subscribe();
    http
      .expectOne({ method: 'POST', url: '/api/v1/users/current/sessions/end-others' })
      .flush(null, { status: 204, statusText: 'No Content' });
  });

  it('deletes the account with the password in the body', () => {
    api.deleteAccount('my password').subscribe();
    const request = http.expectOne({ method: 'DELETE', url: '/api/v1/users/current' });
    expect(request.request.body).toEqual({ password: 'my password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
  });
});
