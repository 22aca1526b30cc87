import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { problem, query, submit, text, type } from '../shared/testing';
import { AccessToken } from './access-tokens-api';
import { AccessTokens } from './access-tokens';

const TOKENS = '/api/v1/users/current/tokens';
const SECRET = 'blog_pat_' + 'A'.repeat(43);

function token(id: number, name: string, extra: Partial<AccessToken> = {}): AccessToken {
  return {
    id,
    name,
    scopes: ['articles:read'],
    createdAt: '2026-11-26T22:44:10Z',
    expiresAt: '2099-12-26T22:44:10Z',
    lastUsedAt: null,
    ...extra,
  };
}

describe('AccessTokens', () => {
  let fixture: ComponentFixture<AccessTokens>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AccessTokens],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AccessTokens);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function listed(tokens: AccessToken[]): Promise<void> {
    http.expectOne({ method: 'GET', url: TOKENS }).flush(tokens);
    await fixture.whenStable();
  }

  function errorOf(id: string): string | null {
    const input = query(fixture, `#${id}`);
    if (input.getAttribute('aria-invalid') !== 'true') {
      return null;
    }
    expect(input.getAttribute('aria-describedby')).toBe(`${id}-help ${id}-error`);
    return query(fixture, `#${id}-error`).textContent?.trim() ?? null;
  }

  async function check(scope: string, checked: boolean): Promise<void> {
    const box = query<HTMLInputElement>(fixture, `#token-scope-${scope.replace(':', '\\:')}`);
    box.checked = checked;
    box.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  it('is a section titled "Access tokens" with labelled fields', async () => {
    await listed([]);
    expect(query(fixture, 'section h2').textContent?.trim()).toBe('Access tokens');
    expect(query(fixture, 'label[for=token-name]').textContent?.trim()).toBe('Name');
    expect(query(fixture, 'label[for=token-expiry]').textContent?.trim()).toBe('Expires in (days)');
    expect(query(fixture, 'fieldset legend').textContent?.trim()).toBe('Scopes');
    expect(query<HTMLInputElement>(fixture, '#token-expiry').value).toBe('30');
    expect(query<HTMLInputElement>(fixture, '#token-scope-articles\\:read').checked).toBe(true);
    expect(query<HTMLInputElement>(fixture, '#token-scope-articles\\:write').checked).toBe(false);
    expect(text(fixture)).toContain('You have no access tokens.');
  });

  it('lists tokens with their scopes, last use and expiry', async () => {
    await listed([
      token(2, 'deploy', {
        scopes: ['articles:read', 'articles:write'],
        lastUsedAt: '2026-11-27T08:00:00Z',
      }),
      token(1, 'old', { expiresAt: '2020-01-01T00:00:00Z' }),
    ]);
    const rows = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr'));
    expect(rows.map((row) => row.querySelector('th')?.textContent?.trim())).toEqual([
      'deploy',
      'old',
    ]);
    expect(rows[0].textContent).toContain('articles:read, articles:write');
    expect(rows[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-11-27T08:00:00Z');
    expect(rows[1].textContent).toContain('Never');
    expect(rows[1].textContent).toContain('Expired');
  });

  it('checks the fields before sending', async () => {
    await listed([]);
    await type(fixture, '#token-name', '   ');
    await type(fixture, '#token-expiry', '366');
    await check('articles:read', false);
    await submit(fixture);
    http.expectNone({ method: 'POST', url: TOKENS });
    expect(errorOf('token-name')).toBe('Enter a name.');
    expect(errorOf('token-expiry')).toBe('The expiry must be 1 to 365 days.');
    expect(query(fixture, '#token-scopes-error').textContent?.trim()).toBe(
      'Choose at least one scope.',
    );
    await type(fixture, '#token-name', 'x'.repeat(61));
    await type(fixture, '#token-expiry', '1.5');
    expect(errorOf('token-name')).toBe('The name must be at most 60 characters.');
    expect(errorOf('token-expiry')).toBe('Enter a whole number of days.');
  });

  it('creates a token, shows its secret once, announces it and copies it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await listed([token(1, 'old')]);
    await type(fixture, '#token-name', ' deploy ');
    await type(fixture, '#token-expiry', '7');
    await check('articles:write', true);
    await submit(fixture);

    const request = http.expectOne({ method: 'POST', url: TOKENS });
    expect(request.request.body).toEqual({
      name: 'deploy',
      expiresInDays: 7,
      scopes: ['articles:read', 'articles:write'],
    });
    request.flush(
      token(2, 'deploy', { scopes: ['articles:read', 'articles:write'], token: SECRET }),
      {
        status: 201,
        statusText: 'Created',
      },
    );
    await fixture.whenStable();

    expect(query<HTMLInputElement>(fixture, '#new-token').value).toBe(SECRET);
    expect(query(fixture, '[role=status]').textContent).toContain('Token deploy created');
    expect(
      Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('tbody th')).map((th) =>
        th.textContent?.trim(),
      ),
    ).toEqual(['deploy', 'old']);
    expect(query<HTMLInputElement>(fixture, '#token-name').value).toBe('');

    const copy = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button')).find(
      (button) => button.textContent?.trim() === 'Copy',
    )!;
    copy.click();
    await fixture.whenStable();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(copy.textContent?.trim()).toBe('Copied');
    expect(query(fixture, '[role=status]').textContent).toContain('Token copied to the clipboard.');

    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'I have copied it')!
      .click();
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('#new-token')).toBeNull();
    expect(text(fixture)).not.toContain(SECRET);
  });

  it('puts the API’s field errors beside their fields', async () => {
    await listed([]);
    await type(fixture, '#token-name', 'deploy');
    await submit(fixture);
    http.expectOne({ method: 'POST', url: TOKENS }).flush(
      problem(409, 'Conflict', {
        errors: { name: ['You already have an access token with this name.'] },
      }),
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(errorOf('token-name')).toBe('You already have an access token with this name.');
  });

  it('says why when the API refuses without a field, e.g. at 20 tokens', async () => {
    await listed([]);
    await type(fixture, '#token-name', 'one too many');
    await submit(fixture);
    http.expectOne({ method: 'POST', url: TOKENS }).flush(
      problem(409, 'Conflict', {
        detail: 'You have 20 live access tokens, the most there can be. Revoke one first.',
      }),
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(query(fixture, 'form [role=alert]').textContent).toContain('Revoke one first.');
  });

  it('revokes a token only once confirmed', async () => {
    await listed([token(2, 'deploy'), token(1, 'old')]);
    query(fixture, 'button[aria-label="Revoke deploy"]').click();
    await fixture.whenStable();
    http.expectNone({ method: 'DELETE', url: `${TOKENS}/2` });

    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === 'Cancel')!
      .click();
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        'button[aria-label="Yes, revoke deploy"]',
      ),
    ).toBeNull();

    query(fixture, 'button[aria-label="Revoke deploy"]').click();
    await fixture.whenStable();
    query(fixture, 'button[aria-label="Yes, revoke deploy"]').click();
    http
      .expectOne({ method: 'DELETE', url: `${TOKENS}/2` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(
      Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('tbody th')).map((th) =>
        th.textContent?.trim(),
      ),
    ).toEqual(['old']);
    expect(query(fixture, '[role=status]').textContent).toContain('Token deploy revoked.');
  });

  it('offers to try again when the list cannot be loaded', async () => {
    http.expectOne({ method: 'GET', url: TOKENS }).flush(problem(500, 'Server error'), {
      status: 500,
      statusText: 'Server Error',
    });
    await fixture.whenStable();
    expect(query(fixture, '[role=alert]').textContent).toContain(
      'Something went wrong on the server.',
    );
    query(fixture, '[role=alert] button').click();
    await listed([token(1, 'old')]);
    expect(text(fixture)).toContain('old');
  });
});
