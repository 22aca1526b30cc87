import { DOCUMENT } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { problem, query, text } from '../shared/testing';
import { Account } from './account';

describe('Account', () => {
  let fixture: ComponentFixture<Account>;
  let http: HttpTestingController;
  let assign: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    assign = vi.fn();
    const document = { location: { assign } };
    TestBed.configureTestingModule({
      imports: [Account],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(Account);
    http = TestBed.inject(HttpTestingController);
    // Only the download reads the document's location; the page renders in the real document.
    (fixture.componentInstance as unknown as { document: unknown }).document = document;
    await fixture.whenStable();
    http.expectOne('/api/v1/users/current/sessions').flush([]);
    http.expectOne('/api/v1/users/current/tokens').flush([]);
  });

  afterEach(() => http.verify());

  it('has a section for each part of the account', () => {
    const headings = Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll('h2'),
      (heading) => heading.textContent?.trim(),
    );
    expect(headings).toEqual([
      'Change password',
      'Your sessions',
      'Access tokens',
      'Download your articles',
      'Delete account',
    ]);
  });

  it('downloads the export once the session is known to be alive', async () => {
    query(fixture, 'a[download]').click();
    expect(assign).not.toHaveBeenCalled();
    http.expectOne('/api/v1/users/current/sessions').flush([]);
    expect(assign).toHaveBeenCalledWith('/api/v1/users/current/export');
  });

  it('says why the download could not start', async () => {
    query(fixture, 'a[download]').click();
    http
      .expectOne('/api/v1/users/current/sessions')
      .flush(problem(500, 'An error occurred while processing your request.'), {
        status: 500,
        statusText: 'Internal Server Error',
      });
    await fixture.whenStable();
    expect(text(fixture)).toContain('Download your articles');
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')).not.toBeNull();
    expect(assign).not.toHaveBeenCalled();
  });
});
