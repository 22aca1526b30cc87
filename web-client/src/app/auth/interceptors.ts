import { PlatformLocation } from '@angular/common';
import { HttpErrorResponse, HttpInterceptorFn, HttpXsrfTokenExtractor } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, of, switchMap, throwError } from 'rxjs';

import { apiPaths } from '../shared/api-paths';
import { isCsrfRefusal } from '../shared/problem';
import { XSRF_HEADER_NAME } from '../shared/xsrf';
import { Session } from './session';

/** Requests whose 401 is an answer for their caller, not a sign that a session ended. */
const SESSION_PROBES: readonly string[] = [apiPaths.currentUser, apiPaths.login];

/**
 * A 401 from a request that needs a session means the server ended it (logout elsewhere,
 * timeout, deactivation): forget the user and ask them to sign in again. Another origin's 401
 * says nothing about this app's session.
 */
export const sessionEndedInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isSameOrigin(req.url)) {
    return next(req);
  }
  const session = inject(Session);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !SESSION_PROBES.includes(pathOf(req.url))
      ) {
        const returnUrl = router.url;
        session.end();
        void router.navigate(['/login'], { queryParams: { returnUrl } });
      }
      return throwError(() => error);
    }),
  );
};

/**
 * The API refuses an unsafe request whose XSRF token is missing or stale (tokens are bound to
 * the signed-in identity). Fetch a fresh token and try once more; a second refusal stands.
 * Only for this origin: the token must never travel anywhere else, as Angular's own XSRF
 * interceptor also ensures for the first attempt.
 */
export const csrfRetryInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isSameOrigin(req.url)) {
    return next(req);
  }
  const session = inject(Session);
  const tokens = inject(HttpXsrfTokenExtractor);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!isCsrfRefusal(error)) {
        return throwError(() => error);
      }
      return session.refresh().pipe(
        catchError(() => of(null)),
        // Angular's XSRF interceptor runs before this one, so the retry carries the new token only if set here.
        switchMap(() => {
          const token = tokens.getToken();
          return next(
            token === null ? req : req.clone({ setHeaders: { [XSRF_HEADER_NAME]: token } }),
          );
        }),
      );
    }),
  );
};

/** Whether the URL, resolved as the browser resolves it, points at the app's own origin. */
function isSameOrigin(url: string): boolean {
  try {
    const { origin } = new URL(inject(PlatformLocation).href);
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0];
}
