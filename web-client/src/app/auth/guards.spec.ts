import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import {
  ActivatedRouteSnapshot,
  Router,
  RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';

import { safeReturnUrl, signedInGuard, signedOutGuard } from './guards';
import { Session } from './session';

describe('guards', () => {
  const signedIn = signal(false);
  const route = {} as ActivatedRouteSnapshot;

  beforeEach(() => {
    signedIn.set(false);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: Session, useValue: { signedIn } }],
    });
  });

  function run(guard: typeof signedInGuard, url: string) {
    return TestBed.runInInjectionContext(() => guard(route, { url } as RouterStateSnapshot));
  }

  function serialized(result: unknown): string {
    expect(result).toBeInstanceOf(UrlTree);
    return TestBed.inject(Router).serializeUrl(result as UrlTree);
  }

  it('sends signed-out users to sign in, remembering where they were going', () => {
    expect(serialized(run(signedInGuard, '/articles/new'))).toBe(
      '/login?returnUrl=%2Farticles%2Fnew',
    );
  });

  it('lets signed-in users in', () => {
    signedIn.set(true);
    expect(run(signedInGuard, '/articles')).toBe(true);
  });

  it('sends signed-in users away from sign-in and registration', () => {
    signedIn.set(true);
    expect(serialized(run(signedOutGuard, '/login'))).toBe('/articles');
  });

  it('lets signed-out users sign in', () => {
    expect(run(signedOutGuard, '/login')).toBe(true);
  });

  it('returns only to paths inside the app', () => {
    expect(safeReturnUrl('/articles/7')).toBe('/articles/7');
    expect(safeReturnUrl('/articles?x=1')).toBe('/articles?x=1');
    expect(safeReturnUrl(undefined)).toBe('/articles');
    expect(safeReturnUrl('https://evil.example')).toBe('/articles');
    expect(safeReturnUrl('//evil.example')).toBe('/articles');
    expect(safeReturnUrl('/\\evil.example')).toBe('/articles');
    expect(safeReturnUrl('/login?returnUrl=%2Fx')).toBe('/articles');
    expect(safeReturnUrl('/register')).toBe('/articles');
  });
});
