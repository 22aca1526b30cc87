import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { problem, text } from '../shared/testing';
import { SessionInfo } from './account-api';
import { SessionList } from './session-list';

const current: SessionInfo = {
  id: 'this',
  createdAt: '2026-11-26T22:44:10Z',
  lastSeenAt: '2026-11-26T23:44:10Z',
  device: 'Chrome on Linux',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0',
  ipAddress: '203.0.113.x',
  current: true,
};
const phone: SessionInfo = {
  ...current,
  id: 'phone',
  device: 'Safari on iPhone',
  ipAddress: '2001:db8:85a3::/48',
  current: false,
};

describe('SessionList', () => {
  let fixture: ComponentFixture<SessionList>;
  let http: HttpTestingController;
  let navigateByUrl: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SessionList],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(SessionList);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function load(list: SessionInfo[]): Promise<void> {
    http.expectOne({ method: 'GET', url: '/api/v1/users/current/sessions' }).flush(list);
    await fixture.whenStable();
  }

  function buttons(): HTMLButtonElement[] {
    return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'));
  }

  it('shows loading, then a row per session with this device marked', async () => {
    expect(text(fixture)).toContain('Loading your sessions');
    await load([current, phone]);
    expect(text(fixture)).toContain('Chrome on Linux This device');
    expect(text(fixture)).toContain('Safari on iPhone');
    expect(text(fixture)).toContain('2001:db8:85a3::/48');
    expect(
      buttons().map((button) => button.getAttribute('aria-label') ?? button.textContent?.trim()),
    ).toEqual(['Sign out this device', 'Sign out Safari on iPhone', 'Sign out everywhere else']);
  });

  it('signs another session out and reloads the list', async () => {
    await load([current, phone]);
    buttons()[1].click();
    http
      .expectOne({ method: 'DELETE', url: '/api/v1/users/current/sessions/phone' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await load([current]);
    expect(text(fixture)).not.toContain('Safari on iPhone');
    expect(text(fixture)).not.toContain('Sign out everywhere else');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('signing this device out is a logout', async () => {
    await load([current, phone]);
    buttons()[0].click();
    http
      .expectOne({ method: 'DELETE', url: '/api/v1/users/current/sessions/this' })
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(navigateByUrl).toHaveBeenCalledWith('/login');
  });

  it('signs out everywhere else', async () => {
    await load([current, phone]);
    buttons()[2].click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/users/current/sessions/end-others' })
      .flush(null, { status: 204, statusText: 'No Content' });
    await load([current]);
    expect(text(fixture)).not.toContain('Safari on iPhone');
  });

  it('says what went wrong when the list cannot be loaded', async () => {
    http
      .expectOne('/api/v1/users/current/sessions')
      .flush(problem(500, 'An error occurred while processing your request.'), {
        status: 500,
        statusText: 'Internal Server Error',
      });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')).not.toBeNull();
  });
});
